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
from collections import Counter

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


FORM_FEED = "a form feed (page break) would move to another line of the function (libcst re-indents the body it rebuilds); fix it by hand"


def form_feed_problem(source: bytes, updated: bytes) -> str | None:
    """:data:`FORM_FEED` when a line of ``source`` loses or gains a form feed in ``updated``, else None.

    A form feed in indentation means nothing to Python, so the module behaves the same, but libcst keeps it
    with the indentation token of a rebuilt block: a line apply never edits would lose its ``\f``, or gain
    one (review AR3-18). Inserted lines take the block's indentation, form feed included, on purpose. So:
    every original line holding a form feed must still be there as often, and an original line without one
    must not be missing while the same text appears with a form feed.
    """
    if b"\f" not in source and b"\f" not in updated:
        return None
    before = Counter(source.splitlines())
    after = Counter(updated.splitlines())
    gained = {line.replace(b"\f", b"") for line in after if b"\f" in line}
    for line, count in before.items():
        if after[line] >= count:
            continue
        if b"\f" in line or line in gained:
            return FORM_FEED
    return None
