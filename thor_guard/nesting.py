"""Refuse sources nested deeper than libcst's native parser can take, before it crashes (review AR3-9).

libcst parses with a recursive native parser that has no depth limit of its
own: past a few thousand levels it overflows the C stack and the whole
process dies with a segmentation fault (exit 139, no message; under
``apply -j2`` the pool breaks and no file is fixed). Python never gets there
for code that imports (its tokenizer stops at 200 nested brackets), but it
never parses a *string*, and libcst's scope analysis parses string
annotations (``-> "List[List[...]]"``, ``x: "..." = 1``); code Python refuses
(thousands of ``not``) still reaches libcst's parser too. A file is refused
when a bracket nests more than :data:`BRACKET_LIMIT` deep inside one string
literal (:data:`CODE_BRACKET_LIMIT` in code), or a chain of prefix operators (``not``, ``-``, ``+``,
``~``, ``lambda:``, ``await``) is longer than :data:`PREFIX_LIMIT`. Real
annotations nest a few levels, so nothing real is refused.

Cost: one regular-expression pass over the bytes; the exact, tokenizing pass
runs only when that pass finds something suspicious.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

BRACKET_LIMIT = 200
"""Brackets nested deeper than this inside one string literal are refused (Python's own tokenizer refuses code past 200)."""

CODE_BRACKET_LIMIT = 1000
"""Brackets nested deeper than this in code are refused. Between 200 and this, code (which Python refuses anyway)
reaches Python's recursion limit inside libcst first, and apply lists its functions for a person as before."""

PREFIX_LIMIT = 1000
"""A chain of prefix operators longer than this is refused (Python's compiler gives up near 3000, libcst crashes later)."""

_BRACKETS = re.compile(rb"[()\[\]{}]")
_PREFIX_RUN = re.compile(rb"(?:(?:\bnot\b|\blambda\b|\bawait\b|[-+~:])\s*){%d}" % PREFIX_LIMIT)
_STRING_RUN = re.compile(
    rb"(?:(?:\bnot\b|\blambda\b[^:]*:|\bawait\b|~)\s*){%d}|(?:[-+]\s*){%d}" % (PREFIX_LIMIT, 5 * PREFIX_LIMIT)
)
"""A prefix chain inside a string: a separator line of dashes (``"-" * 80`` written out) is not one until it is
absurdly long (libcst parses 5000 minus signs in a row)."""
_PREFIX_WORDS = frozenset({"not", "lambda", "await", "-", "+", "~"})


@dataclass(frozen=True)
class DeepNesting:
    """Where and what nests too deeply: ``line`` (1-based) and a phrase such as ``brackets in a string literal``."""

    line: int
    what: str

    def describe(self) -> str:
        """One line for the report (without the file name, which the caller's format adds)."""
        return (
            f"line {self.line}: {self.what} nest more than the supported depth, which libcst's parser cannot take "
            "without overflowing the C stack"
        )


def deep_nesting(source: bytes) -> DeepNesting | None:
    """The first place ``source`` nests too deeply for libcst (see the module docstring), or None."""
    if not _suspicious(source):
        return None
    try:
        tokens = list(tokenize.tokenize(io.BytesIO(source).readline))
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError, LookupError, RecursionError, MemoryError):
        # not tokenizable: the parse that follows reports it, unless the brackets alone are too deep
        depth = _bracket_depth(source)
        return DeepNesting(1, "brackets") if depth > CODE_BRACKET_LIMIT else None
    depth = run = 0
    for token in tokens:
        if token.type == tokenize.STRING:
            if _bracket_depth(token.string.encode("utf-8", "surrogatepass")) > BRACKET_LIMIT:
                return DeepNesting(token.start[0], "brackets in a string literal")
            if _STRING_RUN.search(token.string.encode("utf-8", "surrogatepass")):
                return DeepNesting(token.start[0], "prefix operators in a string literal")
        if token.type not in (tokenize.OP, tokenize.NAME):
            if token.type not in (tokenize.NL, tokenize.COMMENT):
                run = 0
            continue
        if token.string in "([{" and token.type == tokenize.OP:
            depth += 1
            if depth > CODE_BRACKET_LIMIT:
                return DeepNesting(token.start[0], "brackets")
        elif token.string in ")]}" and token.type == tokenize.OP:
            depth = max(0, depth - 1)
        if token.string in _PREFIX_WORDS:
            run += 1
            if run > PREFIX_LIMIT:
                return DeepNesting(token.start[0], "prefix operators")
        elif token.string != ":":
            run = 0
    return None


def _suspicious(source: bytes) -> bool:
    """Cheap over-approximation: brackets counted in code, strings and comments alike, and long operator runs."""
    return _bracket_depth(source) > BRACKET_LIMIT or _PREFIX_RUN.search(source) is not None


def _bracket_depth(data: bytes) -> int:
    depth = deepest = 0
    for char in _BRACKETS.findall(data):
        if char in b"([{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(0, depth - 1)
    return deepest
