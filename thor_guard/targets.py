"""``module:qualname`` targets: the one syntax for entry points, helpers, jobs and allow-lists.

It is the syntax of Python entry points, gunicorn and uvicorn, extended with
fnmatch wildcards (``*``, ``?``, ``[...]``) so that a manifest can name a class
whose real name differs from its module (``pkg.Week52Supervisor:*.start``).
Wildcards in the module part select modules among the files under the source
roots; wildcards in the qualname are matched against the dotted qualname.
"""

from __future__ import annotations

import fnmatch
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from thor_guard.errors import TargetError

_WILDCARD_CHARS = frozenset("*?[")
# fnmatch syntax a segment may hold besides identifier characters.
_PATTERN_CHARS = re.compile(r"[*?\[\]!]")
_BRACKETS = re.compile(r"\[!?\]?[^\]]*\]")


def normalize_identifier(text: str) -> str:
    """NFKC-normalise ``text`` as Python does with identifiers (PEP 3131): ``ｓtart`` and ``start`` are one name."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def is_identifier(text: str) -> bool:
    """True for a Python identifier, Unicode included (PEP 3131), after NFKC normalisation."""
    return normalize_identifier(text).isidentifier()


def _is_segment(text: str, *, allow_wildcards: bool) -> bool:
    """A dotted-name segment: an identifier, or with wildcards an fnmatch pattern over identifier characters."""
    if not allow_wildcards or not _has_wildcard(text) and "]" not in text and "!" not in text:
        return is_identifier(text)
    # Replace the pattern characters by a letter: what remains must spell identifier characters. A bracket
    # expression is one character whatever it holds (`[0-9]`, `[!_]`, `[a-z]`: fnmatch ranges, review AR2-8).
    spelled = _PATTERN_CHARS.sub("x", _BRACKETS.sub("x", normalize_identifier(text)))
    return spelled.isidentifier()


def _has_wildcard(text: str) -> bool:
    return any(ch in _WILDCARD_CHARS for ch in text)


LOCALS_SEGMENT = "<locals>"
"""The qualname segment Python puts between a function and what it defines (``outer.<locals>.start``)."""


@dataclass(frozen=True)
class Target:
    """A parsed ``module:qualname`` (either side may hold wildcards)."""

    module: str
    qualname: str

    @classmethod
    def parse(cls, text: str, *, allow_wildcards: bool = True, what: str = "target") -> Target:
        """Parse ``text``; raise :class:`TargetError` with a one-line reason when malformed."""
        if not isinstance(text, str):
            raise TargetError(f"{what} must be a string 'module:qualname', got {type(text).__name__}")
        raw = normalize_identifier(text.strip())
        if raw.count(":") != 1:
            raise TargetError(f"{what} {text!r} must have the form 'module:qualname' (exactly one ':')")
        module, qualname = raw.split(":")
        for part_name, part in (("module", module), ("qualname", qualname)):
            if not part:
                raise TargetError(f"{what} {text!r} has an empty {part_name}")
            segments = part.split(".")
            for position, segment in enumerate(segments):
                if part_name == "qualname" and segment == LOCALS_SEGMENT and 0 < position < len(segments) - 1:
                    continue  # 'outer.<locals>.start': a function defined inside another, as __qualname__ spells it
                if not segment or not _is_segment(segment, allow_wildcards=allow_wildcards):
                    raise TargetError(
                        f"{what} {text!r}: {segment!r} is not a valid {part_name} segment"
                        + ("" if allow_wildcards else " (wildcards are not allowed here)")
                    )
        return cls(module=module, qualname=qualname)

    def __str__(self) -> str:
        return f"{self.module}:{self.qualname}"

    @cached_property
    def module_is_pattern(self) -> bool:
        return _has_wildcard(self.module)

    @cached_property
    def qualname_is_pattern(self) -> bool:
        return _has_wildcard(self.qualname)

    @cached_property
    def _module_regex(self) -> re.Pattern[str]:
        return re.compile(fnmatch.translate(self.module))

    @cached_property
    def _qualname_regex(self) -> re.Pattern[str]:
        return re.compile(fnmatch.translate(self.qualname))

    def matches_module(self, module: str) -> bool:
        """Match a dotted module name with fnmatch semantics (``*`` may span dots)."""
        module = normalize_identifier(module)
        if not self.module_is_pattern:
            return module == self.module
        return self._module_regex.match(module) is not None

    def matches_qualname(self, qualname: str) -> bool:
        """Match a dotted qualname with fnmatch semantics, as the manifest syntax specifies.

        ``*`` may span dots, so ``*.start`` matches ``Monitor.start`` and
        ``Outer.Inner.start`` alike; the match is case-sensitive.
        """
        qualname = normalize_identifier(qualname)
        if not self.qualname_is_pattern:
            return qualname == self.qualname
        return self._qualname_regex.match(qualname) is not None

    def matches(self, module: str, qualname: str) -> bool:
        return self.matches_module(module) and self.matches_qualname(qualname)


def module_name_for(path: Path, root: Path) -> str | None:
    """Return the dotted module name of ``path`` relative to ``root``, or None if outside it."""
    try:
        rel = path.resolve().relative_to(root.resolve())
    except ValueError:
        return None
    parts = list(rel.with_suffix("").parts)
    if not parts:
        return None
    if parts[-1] == "__init__":
        parts.pop()
    if not parts or not all(is_identifier(p) for p in parts):
        return None
    return normalize_identifier(".".join(parts))


def module_file_candidates(module: str, root: Path) -> tuple[Path, Path]:
    """The two files a concrete module may live in under ``root``: ``a/b.py`` or ``a/b/__init__.py``."""
    base = root.joinpath(*module.split("."))
    return base.with_suffix(".py"), base / "__init__.py"


def find_module_file(module: str, roots: Iterable[Path]) -> Path | None:
    """Locate a concrete (wildcard-free) module under the first source root that has it."""
    for root in roots:
        for candidate in module_file_candidates(module, root):
            if candidate.is_file():
                return candidate
    return None


def broken_module_link(target: Target, roots: Iterable[Path]) -> str | None:
    """Why a concrete ``target``'s module file is a link Python cannot import (``pkg/job.py -> /dev/null``, a FIFO, a
    missing file), as a phrase for a "not found" message; None for a wildcard module or when no such link exists."""
    if target.module_is_pattern:
        return None
    for root in roots:
        for candidate in module_file_candidates(target.module, root):
            if candidate.is_symlink() and not candidate.is_file() and not candidate.is_dir():
                relative = os.path.relpath(candidate)
                shown = str(candidate) if relative.startswith("..") else relative
                resolved = os.path.realpath(candidate)
                state = "which does not exist" if not os.path.exists(resolved) else "which is not a regular file"
                return f"{shown} is a symlink to {resolved}, {state}"
    return None


def is_excluded(path: Path, root: Path, exclude: Iterable[str]) -> bool:
    """True when ``path`` (relative to ``root``) matches one of the ``exclude`` globs."""
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    for pattern in exclude:
        if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch("/" + rel, pattern):
            return True
        # "**/tests/**" should also match "tests/x.py" at the top level.
        if pattern.startswith("**/") and fnmatch.fnmatch(rel, pattern[3:]):
            return True
    return False


def iter_python_files(root: Path, exclude: Iterable[str] = ()) -> Iterator[Path]:
    """Yield ``*.py`` files under ``root`` in sorted order, skipping excluded and hidden/venv dirs.

    A directory reached twice (a symlink to a directory already walked, or a loop such as ``pkg/loop -> ..``)
    is walked only the first time.
    """
    excluded = tuple(exclude)
    skip_dirs = {"__pycache__", ".git", ".hg", ".tox", ".nox", ".venv", "venv", "node_modules", ".thor_guard_cache"}
    if root.is_file():
        if root.suffix == ".py":
            yield root
        return
    stack = [root]
    seen: set[tuple[int, int]] = set()  # (device, inode) of every directory walked: a symlink loop is walked once
    while stack:
        current = stack.pop()
        try:
            info = current.stat()
            entries = sorted(current.iterdir(), key=lambda p: p.name, reverse=True)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        for entry in entries:
            if entry.is_dir():
                if entry.name in skip_dirs or entry.name.startswith(".") or entry.name.endswith(".egg-info"):
                    continue
                if excluded and is_excluded(entry / "__x__", root, excluded) and is_excluded(entry, root, excluded):
                    continue
                stack.append(entry)
            elif entry.suffix == ".py" and entry.is_file():
                if excluded and is_excluded(entry, root, excluded):
                    continue
                yield entry


def resolve_target_modules(target: Target, roots: Iterable[Path], exclude: Iterable[str] = ()) -> list[tuple[str, Path]]:
    """Return ``(module, file)`` pairs that ``target``'s module part selects under ``roots``.

    A concrete module is looked up directly (no tree walk: this is what keeps
    ``check`` fast); a wildcard module walks the roots once.
    """
    roots = list(roots)
    if not target.module_is_pattern:
        path = find_module_file(target.module, roots)
        return [(target.module, path)] if path is not None else []
    found: dict[str, Path] = {}
    # Only walk below the longest wildcard-free prefix of the module pattern.
    prefix: list[str] = []
    for segment in target.module.split("."):
        if _has_wildcard(segment):
            break
        prefix.append(segment)
    for root in roots:
        start = root.joinpath(*prefix) if prefix else root
        if not start.is_dir():
            continue
        for path in iter_python_files(start, exclude=()):
            if exclude and is_excluded(path, root, exclude):
                continue
            module = module_name_for(path, root)
            if module is not None and module not in found and target.matches_module(module):
                found[module] = path
    return sorted(found.items())
