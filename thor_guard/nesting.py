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

Only strings libcst will parse are measured (review AR4-12: a module embedding base85 data in a bytes or
str literal is not refused): ``str`` literals in an annotation position (after ``->``, after the ``:`` of a
parameter or an annotated assignment, up to the end of that annotation) and the arguments of ``cast``,
``TypeVar``, ``NewType`` and ``ForwardRef``. Such a string is refused when it is longer than
:data:`ANNOTATION_LIMIT` characters as well (review AR4-3): the native parser also recurses on attribute
chains, ``**``, ``|`` and conditional expressions, which no bracket count sees; a bound on the length bounds
every shape (real annotations are a few dozen characters; libcst takes 5000 of each shape).

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

ANNOTATION_LIMIT = 4096
"""A string libcst parses (an annotation) longer than this is refused: ~2000 ``a.`` or ``**`` at most, which it takes."""

_PARSED_CALLS = frozenset({"cast", "TypeVar", "NewType", "ForwardRef"})
_LONG_LINE = re.compile(rb"[^\n]{%d}" % ANNOTATION_LIMIT)
_TRIPLE_ANNOTATION = re.compile(rb"""(?:->|:)\s*[rRuU]{0,2}(?:\"\"\"|\'\'\')""")

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
    parsed = _ParsedStrings()
    for token in tokens:
        if token.type == tokenize.STRING and parsed.takes(token):
            data = token.string.encode("utf-8", "surrogatepass")
            if _bracket_depth(data) > BRACKET_LIMIT:
                return DeepNesting(token.start[0], "brackets in a string annotation")
            if _STRING_RUN.search(data):
                return DeepNesting(token.start[0], "prefix operators in a string annotation")
            if len(token.string) > ANNOTATION_LIMIT:
                return DeepNesting(token.start[0], "the expression in a string annotation may")
        parsed.feed(token)
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
    """Cheap over-approximation: brackets counted in code, strings and comments alike, long operator runs, a
    line long enough to hold a too long annotation, or a triple-quoted string where an annotation may stand."""
    return (
        _bracket_depth(source) > BRACKET_LIMIT
        or _PREFIX_RUN.search(source) is not None
        or _LONG_LINE.search(source) is not None
        or _TRIPLE_ANNOTATION.search(source) is not None
    )


class _ParsedStrings:
    """Follows the tokens and tells which ``str`` literals stand where libcst parses them (see the module doc)."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, str]] = []
        """Open brackets: (the bracket, the name just before it: a def's name marks its parameter list)."""
        self.previous = ""
        self.before_previous = ""
        self.annotation_depth: int | None = None
        """Bracket depth where the current annotation started (None: not in an annotation)."""
        self.line_start = True
        self.def_pending = False

    def takes(self, token: tokenize.TokenInfo) -> bool:
        """``token`` (a STRING) is a ``str`` literal libcst may parse as an expression."""
        prefix = token.string[: len(token.string) - len(token.string.lstrip("rRuUbBfF"))].lower()
        if "b" in prefix or "f" in prefix:
            return False
        if self.annotation_depth is not None:
            return True
        return any(name in _PARSED_CALLS for bracket, name in self.stack if bracket == "(")

    def feed(self, token: tokenize.TokenInfo) -> None:
        """Advance the state past ``token``."""
        kind, text = token.type, token.string
        if kind in (tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING):
            return
        depth = len(self.stack)
        if kind == tokenize.NEWLINE:
            self.stack.clear()
            self.annotation_depth = None
            self.previous = self.before_previous = ""
            self.line_start = True
            self.def_pending = False
            return
        if kind == tokenize.NAME and text == "def":
            self.def_pending = True
        if kind == tokenize.OP:
            if self.annotation_depth is not None and depth == self.annotation_depth and text in (",", "=", ")", ":", "]", "}"):
                self.annotation_depth = None
            if text in "([{":
                name = self.previous if (self.def_pending and text == "(") else ("" if text != "(" else self.previous)
                marker = "def" if (self.def_pending and text == "(" and not self.stack) else name
                self.stack.append((text, marker))
            elif text in ")]}":
                if self.stack:
                    self.stack.pop()
                if self.annotation_depth is not None and len(self.stack) < self.annotation_depth:
                    self.annotation_depth = None
            elif text == "->":
                self.annotation_depth = len(self.stack)
            elif text == ":" and self.annotation_depth is None:
                in_params = bool(self.stack) and self.stack[-1] == ("(", "def")
                # `x: "T" = 1` / `self.x: "T"` at the start of a logical line, or a parameter `p: "T"`
                assignment = not self.stack and self.before_previous in ("", ".") and self.previous.isidentifier() and self.line_start
                if in_params or assignment or (not self.stack and self._annotated_target):
                    self.annotation_depth = len(self.stack)
        self._annotated_target = not self.stack and self.line_start_target(kind, text)
        self.before_previous, self.previous = self.previous, text

    _annotated_target = False
    _target_ok = True

    def line_start_target(self, kind: int, text: str) -> bool:
        """The logical line so far is a dotted name (``self.x``): a ``:`` next makes an annotated assignment."""
        if self.previous == "" and kind == tokenize.NAME:
            self._target_ok = text not in _KEYWORDS
        elif kind == tokenize.NAME and self.previous == ".":
            pass
        elif kind == tokenize.OP and text == "." and self.previous.isidentifier():
            pass
        else:
            self._target_ok = False
        return self._target_ok


_KEYWORDS = frozenset({"if", "elif", "else", "while", "for", "try", "except", "finally", "with", "def", "class", "lambda",
                       "async", "match", "case", "return", "yield", "await", "not", "del", "global", "nonlocal", "import",
                       "from", "assert", "raise", "pass", "break", "continue"})


def _bracket_depth(data: bytes) -> int:
    depth = deepest = 0
    for char in _BRACKETS.findall(data):
        if char in b"([{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(0, depth - 1)
    return deepest
