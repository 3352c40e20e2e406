"""The audit's view of the tree: which ``.py`` files exist, their module names and stat keys.

A ``scandir`` walk (stat results come for free with the directory entries) so
that a warm run can tell "nothing changed" from stats alone, without opening
a file. ``exclude`` globs mean what they mean everywhere else
(:func:`thor_guard.targets.is_excluded` semantics, relative to the project root).
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SKIP_DIRS = frozenset({"__pycache__", ".git", ".hg", ".tox", ".nox", ".venv", "venv", "node_modules", ".thor_guard_cache"})


@dataclass(frozen=True)
class SourceFile:
    """One Python file of the project."""

    abspath: str
    """Absolute path (a string: a warm run builds no ``Path`` objects)."""
    rel: str
    """POSIX path relative to the project root (the cache key and the report path)."""
    module: str
    is_package: bool
    stat_key: tuple[int, int, int]
    """``(mtime_ns, size, inode)``: unchanged key means unchanged file for the warm path."""

    @property
    def path(self) -> Path:
        return Path(self.abspath)


_DIR_PATTERN = re.compile(r"^\*\*/([^*?\[\]/]+)/\*\*$")


def _compile_excludes(exclude: Iterable[str]) -> tuple[frozenset[str], list[re.Pattern[str]]]:
    """Split ``exclude`` into plain directory names (``**/name/**``, checked by name) and glob regexes."""
    names: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for pattern in exclude:
        plain = _DIR_PATTERN.match(pattern)
        if plain is not None:
            names.add(plain.group(1))
            continue
        patterns.append(re.compile(fnmatch.translate(pattern)))
        if pattern.startswith("**/"):
            patterns.append(re.compile(fnmatch.translate(pattern[3:])))
    return frozenset(names), patterns


def _excluded(rel: str, patterns: Sequence[re.Pattern[str]]) -> bool:
    slashed = "/" + rel
    return any(p.match(rel) or p.match(slashed) for p in patterns)


def module_name(rel_to_root: str) -> tuple[str, bool] | None:
    """``a/b/c.py`` -> ``("a.b.c", False)``; ``a/b/__init__.py`` -> ``("a.b", True)``; None if not importable."""
    parts = rel_to_root[:-3].split("/") if rel_to_root.endswith(".py") else rel_to_root.split("/")
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    if not parts or not all(_IDENTIFIER.match(p) for p in parts):
        return None
    return ".".join(parts), is_package


def _module_for(path: str, roots: Sequence[str], project_root: str) -> tuple[str, bool]:
    for root in roots:
        if path.startswith(root):
            named = module_name(path[len(root) :].replace(os.sep, "/"))
            if named is not None:
                return named
    # Not importable from a source root (e.g. ``gunicorn.conf.py``): name it after its path.
    rel = path[len(project_root) :] if path.startswith(project_root) else os.path.basename(path)
    return rel[:-3].replace(os.sep, "."), False


DirListing = tuple[int, tuple[str, ...], tuple[str, ...]]
"""A directory's ``(mtime_ns, sub-directory names, .py file names)`` as of the last walk."""


def _list_directory(path: str, listings: dict[str, DirListing], previous: dict[str, DirListing]) -> DirListing | None:
    """The directory's entries: from the previous walk when its mtime did not change, else from ``scandir``.

    Adding, removing or renaming an entry changes a directory's mtime; editing
    a file does not, which is why every ``.py`` file is still stat'ed.
    """
    try:
        mtime = os.stat(path).st_mtime_ns
    except OSError:
        return None
    known = previous.get(path)
    if known is not None and known[0] == mtime:
        listings[path] = known
        return known
    dirs: list[str] = []
    files: list[str] = []
    try:
        with os.scandir(path) as entries:
            for entry in entries:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        dirs.append(entry.name)
                    elif entry.name.endswith(".py") and entry.is_file():
                        files.append(entry.name)
                except OSError:
                    continue
    except OSError:
        return None
    listing = (mtime, tuple(sorted(dirs)), tuple(sorted(files)))
    listings[path] = listing
    return listing


def walk(
    paths: Sequence[Path],
    project_root: Path,
    source_roots: Sequence[Path],
    exclude: Iterable[str],
    listings: dict[str, DirListing] | None = None,
    previous: dict[str, DirListing] | None = None,
) -> list[SourceFile]:
    """Every ``.py`` file under ``paths`` (files or directories), sorted, minus excluded ones.

    ``previous`` holds directory listings of the last walk (from the cache);
    the listings of this walk are stored into ``listings``.
    """
    excluded_dirs, patterns = _compile_excludes(exclude)
    roots = [os.path.join(str(r.resolve()), "") for r in sorted(source_roots, key=lambda r: len(r.resolve().parts), reverse=True)]
    root_prefix = os.path.join(str(project_root.resolve()), "")
    seen: dict[str, SourceFile] = {}
    listings = {} if listings is None else listings
    previous = previous or {}

    def relative(path: str) -> str:
        rel = path.removeprefix(root_prefix)
        return rel.replace(os.sep, "/")

    def add(path: str, given_file: bool) -> None:
        rel = relative(path)
        if rel in seen or (patterns and _excluded(rel, patterns)):
            return
        if excluded_dirs and given_file and not excluded_dirs.isdisjoint(rel.split("/")[:-1]):
            return
        try:
            st = os.stat(path)
        except OSError:
            return
        module, is_package = _module_for(path, roots, root_prefix)
        seen[rel] = SourceFile(path, rel, module, is_package, (st.st_mtime_ns, st.st_size, st.st_ino))

    stack: list[str] = []
    for given in paths:
        absolute = os.path.realpath(given)
        if os.path.isfile(absolute):
            if absolute.endswith(".py"):
                add(absolute, True)
        elif os.path.isdir(absolute):
            stack.append(absolute)
    while stack:
        current = stack.pop()
        listing = _list_directory(current, listings, previous)
        if listing is None:
            continue
        _, dirs, files = listing
        for name in dirs:
            if name in _SKIP_DIRS or name in excluded_dirs or name.startswith(".") or name.endswith(".egg-info"):
                continue
            path = os.path.join(current, name)
            if patterns:
                rel = relative(path)
                if _excluded(rel + "/x", patterns) and _excluded(rel, patterns):
                    continue
            stack.append(path)
        for name in files:
            add(os.path.join(current, name), False)
    return sorted(seen.values(), key=lambda f: f.rel)
