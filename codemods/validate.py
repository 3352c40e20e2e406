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
