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

    path: Path
    """Absolute path."""
    rel: str
    """POSIX path relative to the project root (the cache key and the report path)."""
    module: str
    is_package: bool
    stat_key: tuple[int, int, int]
    """``(mtime_ns, size, inode)``: unchanged key means unchanged file for the warm path."""


def _compile_excludes(exclude: Iterable[str]) -> list[re.Pattern[str]]:
    patterns: list[re.Pattern[str]] = []
    for pattern in exclude:
        patterns.append(re.compile(fnmatch.translate(pattern)))
        if pattern.startswith("**/"):
            patterns.append(re.compile(fnmatch.translate(pattern[3:])))
    return patterns


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


def _module_for(path: Path, roots: Sequence[Path], project_root: Path) -> tuple[str, bool]:
    for root in roots:
        try:
            rel = path.relative_to(root).as_posix()
        except ValueError:
            continue
        named = module_name(rel)
        if named is not None:
            return named
    # Not importable from a source root (e.g. ``gunicorn.conf.py``): name it after its path.
    try:
        rel = path.relative_to(project_root).as_posix()
    except ValueError:
        rel = path.name
    return rel[:-3].replace("/", "."), False


def walk(paths: Sequence[Path], project_root: Path, source_roots: Sequence[Path], exclude: Iterable[str]) -> list[SourceFile]:
    """Every ``.py`` file under ``paths`` (files or directories), sorted, minus excluded ones."""
    patterns = _compile_excludes(exclude)
    roots = sorted((r.resolve() for r in source_roots), key=lambda r: len(r.parts), reverse=True)
    project_root = project_root.resolve()
    seen: dict[str, SourceFile] = {}

    def relative(path: str) -> str:
        try:
            return Path(path).relative_to(project_root).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def add(path: str, st: os.stat_result) -> None:
        rel = relative(path)
        if rel in seen or (patterns and _excluded(rel, patterns)):
            return
        p = Path(path)
        module, is_package = _module_for(p, roots, project_root)
        seen[rel] = SourceFile(p, rel, module, is_package, (st.st_mtime_ns, st.st_size, st.st_ino))

    stack: list[str] = []
    for given in paths:
        absolute = os.path.abspath(given)
        if os.path.isfile(absolute):
            if absolute.endswith(".py"):
                add(absolute, os.stat(absolute))
        elif os.path.isdir(absolute):
            stack.append(absolute)
    while stack:
        current = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    if name in _SKIP_DIRS or name.startswith(".") or name.endswith(".egg-info"):
                        continue
                    if patterns and _excluded(relative(entry.path) + "/x", patterns) and _excluded(relative(entry.path), patterns):
                        continue
                    stack.append(entry.path)
                elif name.endswith(".py") and entry.is_file():
                    add(entry.path, entry.stat())
            except OSError:
                continue
    return sorted(seen.values(), key=lambda f: f.rel)
