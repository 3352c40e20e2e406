"""Is a rewrite still a valid module? Judged by the target's grammar, not only the running interpreter's.

``compile()`` of the running interpreter is the strongest test (grammar and
symbol table: a name used before its ``global`` declaration, ``return``
with a value in an async generator...), but it rejects syntax newer than
the interpreter (``def start[T](x: T)`` on Python 3.11). So a rewrite must
compile when the original compiles; when the original does not (newer
syntax), the rewrite must still parse with libcst's parser, which accepts
the grammar of every supported Python version.
"""

from __future__ import annotations

import io
import tokenize
import warnings

import libcst as cst


def compiles(source: bytes) -> str | None:
    """None when ``source`` compiles with the running interpreter, else the one-line reason."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escape sequences and the like are the file's own business
            compile(source, "<rewrite>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:
        where = f" (line {exc.lineno})" if isinstance(exc, SyntaxError) and exc.lineno else ""
        message = exc.msg if isinstance(exc, SyntaxError) else str(exc)
        return f"{message}{where}"
    return None


def rewrite_problem(updated: bytes, *, original_compiles: bool) -> str | None:
    """Why ``updated`` is not a valid module (None when it is); see the module docstring for the judge."""
    if original_compiles:
        return compiles(updated)
    try:
        cst.parse_module(updated)
    except cst.ParserSyntaxError as exc:
        return f"{exc.message} (line {exc.raw_line})"
    return None


STRING_DEPTH_LIMIT = 200
"""Bracket depth inside one string literal beyond which a file is not handed to libcst's scope analysis."""


def deep_string(source: bytes) -> int | None:
    """The line of a string literal whose brackets nest deeper than :data:`STRING_DEPTH_LIMIT`, or None.

    libcst's ``ScopeProvider`` parses string annotations (``-> "List[List[...]]"``) with its native parser,
    which overflows the C stack (a segmentation fault: the whole run dies, review AR3-9) somewhere past a
    thousand levels; Python itself never parses such a string, so the module imports. Real annotations nest a
    few levels; any string deeper than the limit is refused up front, as deep code is.
    """
    if source.count(b"(") + source.count(b"[") + source.count(b"{") <= STRING_DEPTH_LIMIT:
        return None  # not enough brackets in the whole file: the common case costs one pass over the bytes
    try:
        tokens = list(tokenize.tokenize(io.BytesIO(source).readline))
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError, LookupError):
        return None  # the file's own problem, reported by the parse that follows
    for token in tokens:
        if token.type != tokenize.STRING:
            continue
        depth = deepest = 0
        for char in token.string:
            if char in "([{":
                depth += 1
                deepest = max(deepest, depth)
            elif char in ")]}":
                depth = max(0, depth - 1)
        if deepest > STRING_DEPTH_LIMIT:
            return token.start[0]
    return None
