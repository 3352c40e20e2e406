"""Where import-time code loads code from, beyond project modules found by name: files by path, modules found nowhere.

The reach of a module (:mod:`thor_guard.verifier.reach`) records two kinds of
census patches the import walk (:class:`thor_guard.verifier.context.HelperResolver`)
must settle with the file system, because only the walk knows the file's place
and the source roots:

* ``?file:<relative path>`` - import-time code runs a file by path
  (``runpy.run_path``, ``spec_from_file_location`` + ``exec_module``,
  ``exec(open(p).read())``; hostile review 7, R7-5). The path is relative to
  the directory of the file that runs it. An existing file is read by the walk
  like an imported module (:func:`settle` returns it); a missing one is
  :data:`MISSING_FILE_TARGET`: what runs there is not known.
* ``?requires:<module>`` - an import in code that surely runs at import time
  (also inside ``try: ... except ImportError``). A module found under the
  source roots is walked as before; one found by the verifier's own import
  system (the standard library, a built-in, an installed distribution) is a
  library (docs/check.md, assumptions 7 and 9); one found *nowhere* is
  :data:`UNRESOLVED_TARGET` (R7-8) when it is surely the project's (relative,
  under a project package, or a top-level name the checkout marks as the
  project's own: :func:`owned_by_project`): a per-deployment ``local_settings``
  the checkout lacks runs arbitrary code where the entry point runs, and
  unknown must not read as "nothing found". Other top-level names found
  nowhere are optional libraries not installed here (assumption 7).

:func:`describe` turns the settled targets (and :mod:`thor_guard.verifier.import_time`'s
:data:`~thor_guard.verifier.import_time.DOOR_TARGET`) into the one-line reason of a TG009.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from importlib.machinery import PathFinder
from pathlib import Path

from thor_guard.targets import find_module_file
from thor_guard.verdict_cache import checkout_owns
from thor_guard.verifier.import_time import DOOR_TARGET, ENVIRON_VIA_PREFIX
from thor_guard.verifier.reach import FILE_TARGET_PREFIX, REQUIRES_TARGET_PREFIX, SUBMODULE_MARK, UNREAD_TARGET

MISSING_FILE_TARGET = "?missing-file"
"""Patch target of a file run by path that does not exist at check time (the site's text names it)."""
UNRESOLVED_TARGET = "?unresolved"
"""Patch target of a module imported at import time that resolves to no file at check time (the text names it)."""
AMBIGUOUS_TARGET = "?ambiguous"
"""Patch target of an importer module present under two source roots (the text is the location problem, R7-4)."""

DEFERRED_TARGETS = frozenset({MISSING_FILE_TARGET, UNRESOLVED_TARGET, UNREAD_TARGET})
"""Targets whose reason is shown only when the walk holds no more specific one (an environment write, a patch)."""

Site = tuple[Path, int, str]


def settle(
    patches: list[tuple[str, Site]],
    path: Path,
    package: str,
    absolute: Callable[[str, str], str],
    is_project: Callable[[str], bool],
    roots: tuple[Path, ...] = (),
) -> tuple[list[tuple[str, Site]], list[Path], list[str]]:
    """Settle the ``?file:`` and ``?requires:`` patches of ``path`` (a walked file of package ``package``).

    Returns the patches to keep (others unchanged; unresolvable sites turned into :data:`MISSING_FILE_TARGET` /
    :data:`UNRESOLVED_TARGET`, with the text naming the file or module), the files to walk (run by path) and the
    module names looked up (the verdict cache re-validates them). ``absolute`` makes a relative module name absolute
    against ``package``; ``is_project`` says whether a module name has a file under the source roots. A top-level
    name found nowhere is unresolved only when the checkout shows it is the project's own (:func:`owned_by_project`
    under ``roots``); otherwise it is taken as an optional library not installed where the verifier runs
    (docs/check.md, assumption 7).
    """
    kept: list[tuple[str, Site]] = []
    files: list[Path] = []
    names: list[str] = []
    for target, site in patches:
        if target.startswith(FILE_TARGET_PREFIX):
            relative = target[len(FILE_TARGET_PREFIX) :]
            found = _run_file(path.parent, relative)
            if found is None:
                kept.append((MISSING_FILE_TARGET, (site[0], site[1], relative)))
            elif found not in files:
                files.append(found)
        elif target.startswith(REQUIRES_TARGET_PREFIX):
            name = target[len(REQUIRES_TARGET_PREFIX) :]
            if SUBMODULE_MARK in name:
                base, _, attribute = name.partition(SUBMODULE_MARK)
                base = absolute(base, package) if base.startswith(".") else base
                submodule = f"{base}.{attribute}" if base and not base.startswith(".") else ""
                if submodule and not is_project(submodule) and is_project(base) and not _package_may_bind(base, attribute, roots):
                    names.append(submodule)
                    kept.append((UNRESOLVED_TARGET, (site[0], site[1], submodule)))
                elif submodule:
                    names.append(submodule)
                continue
            name = absolute(name, package) if name.startswith(".") else name
            if not name or name.startswith("."):
                kept.append((UNRESOLVED_TARGET, (site[0], site[1], target[len(REQUIRES_TARGET_PREFIX) :])))
                continue
            names.append(name)
            if not is_project(name) and not _outside_project(name, is_project):
                top = name.split(".")[0]
                if is_project(top) or owned_by_project(top, roots):
                    kept.append((UNRESOLVED_TARGET, (site[0], site[1], name)))
        elif target.startswith(ENVIRON_VIA_PREFIX):
            owner, _, written = target[len(ENVIRON_VIA_PREFIX) :].partition("#")
            owner = absolute(owner, package) if owner.startswith(".") else owner
            looked_up: list[str] = []
            if _is_environ(owner, roots, looked_up):
                kept.append((written, site))
            names.extend(looked_up)
        else:
            kept.append((target, site))
    return kept, files, names


def _is_environ(dotted: str, roots: tuple[Path, ...], looked_up: list[str], depth: int = 0) -> bool:
    """Whether the project object ``dotted`` (``pkg.env.ENV``) is ``os.environ``: bound in its module by an import of it
    or a plain alias bound once (``ENV = os.environ``, ``from os import environ as ENV``), also through other project
    modules' names in turn (review 10, R10-15). ``looked_up`` collects the module names read (the verdict cache)."""
    from thor_guard.verifier.import_time import ENV_OBJECTS, module_names, through_module_globals

    parts = dotted.split(".")
    if depth > 8 or len(parts) < 2:
        return False
    module, name = ".".join(parts[:-1]), parts[-1]
    looked_up.append(module)
    path = find_module_file(module, roots)
    if path is None:
        return False
    bound = module_names(path)
    value = bound.get(name) if bound is not None else None
    if value is None:
        return False
    if value.startswith("."):
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        value = _relative(value, package)
    value = through_module_globals(value)
    if value in ENV_OBJECTS:
        return True
    return value != dotted and _is_environ(value, roots, looked_up, depth + 1)


def _relative(target: str, package: str) -> str:
    level = len(target) - len(target.lstrip("."))
    parts = package.split(".") if package else []
    base = parts[: len(parts) - (level - 1)] if level > 1 else parts
    rest = target[level:]
    return ".".join([*base, rest] if rest else base)


def _package_may_bind(package: str, name: str, roots: tuple[Path, ...]) -> bool:
    """Whether the project package's ``__init__`` may bind ``name`` (any binding, a star import or a PEP 562
    ``__getattr__``, or a file that cannot be read): then ``from package import name`` need not load a submodule."""
    import ast

    from thor_guard.verifier.reach import _module_bound_names

    path = find_module_file(package, roots)
    if path is None or path.name != "__init__.py":
        return True  # not found under these roots, or a plain module (its attributes are the walk's business)
    try:
        source = path.read_bytes()
    except OSError:
        return True
    bound = _INIT_BINDINGS.get(source)
    if bound is None:
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError):
            bound = _ANY_NAME
        else:
            star = any(isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names) for node in ast.walk(tree))
            bound = _ANY_NAME if star else frozenset(_module_bound_names(tree))
        if len(_INIT_BINDINGS) >= 512:
            _INIT_BINDINGS.pop(next(iter(_INIT_BINDINGS)))
        _INIT_BINDINGS[source] = bound
    return bound is _ANY_NAME or name in bound or "__getattr__" in bound


_ANY_NAME: frozenset[str] = frozenset({"*"})
"""A package ``__init__`` that may bind any name: a star import, or a source Python cannot parse."""
_INIT_BINDINGS: dict[bytes, frozenset[str]] = {}
"""Memo of the names a package ``__init__`` source binds, by content: the walk asks once per ``from package import
name`` site, a few hundred times per Django entry point, and each parse cost about 3 ms."""


def in_project(name: str, roots: tuple[Path, ...]) -> bool:
    """Whether module ``name`` has a place under the source roots: a source file, a package, a namespace portion
    (a directory) or a compiled extension module (the walk's other rules judge each)."""
    if find_module_file(name, roots) is not None:
        return True
    parts = name.split(".")
    for root in roots:
        base = root.joinpath(*parts)
        if base.is_dir():
            return True
        try:
            if any(entry.startswith(parts[-1] + ".") and entry.endswith((".so", ".pyd")) for entry in os.listdir(base.parent)):
                return True
        except OSError:
            continue
    return False


def owned_by_project(top: str, roots: tuple[Path, ...]) -> bool:
    """Whether the checkout shows that a top-level module found nowhere is the project's own, written where it runs
    (:func:`thor_guard.verdict_cache.checkout_owns`: a template such as ``local_settings.py.example`` or a
    ``.gitignore`` line). Such a module runs project code at import time that is not read (R7-8)."""
    return checkout_owns(top, roots)


def _run_file(directory: Path, relative: str) -> Path | None:
    """The file Python runs for ``relative`` (a directory runs its ``__main__.py``), or None when there is none."""
    candidate = Path(os.path.normpath(directory / relative))
    if candidate.is_dir():
        candidate = candidate / "__main__.py"
    return candidate if candidate.is_file() else None


def _outside_project(name: str, is_project: Callable[[str], bool]) -> bool:
    """Whether ``name`` resolves outside the project: its top-level package is a standard-library or built-in module,
    or one the verifier's ``sys.path`` finds (no code is imported). A submodule of a *project* package that has no
    file is not outside (the project package is walked: the missing file is unknown)."""
    top = name.split(".")[0]
    if is_project(top):
        return False
    return _findable(top)


@functools.lru_cache(maxsize=4096)
def _findable(top: str) -> bool:
    if top in sys.stdlib_module_names or top in sys.builtin_module_names or top == "__future__":
        return True
    try:
        return PathFinder.find_spec(top) is not None
    except (ImportError, ValueError):
        return False


def describe(target: str, dotted: str, importer: str, shown: str, line: int, text: str) -> str | None:
    """The TG009 reason for a settled load target reaching ``dotted`` read with ``importer``; None for other targets."""
    if target == MISSING_FILE_TARGET:
        return (
            f"'{dotted}' cannot be proven: {shown} (imported with {importer}) runs the file {text} by path at import time, "
            f"line {line}, and that file does not exist where the verifier runs, so what it runs is not known"
        )
    if target == UNRESOLVED_TARGET:
        return (
            f"'{dotted}' cannot be proven: {shown} (imported with {importer}) imports '{text}' at import time, line {line}, "
            f"which resolves to no file where the verifier runs (not under the source roots, not on sys.path); where "
            f"it exists it runs code that is not read"
        )
    if target == UNREAD_TARGET:
        return (
            f"'{dotted}' cannot be proven: {shown} (imported with {importer}) runs at import time code the walk cannot "
            f"read (a string, a file by a path not known statically, a loader it does not follow), line {line} ('{text}')"
        )
    if target == DOOR_TARGET:
        return (
            f"'{dotted}' cannot be proven: {shown} (imported with {importer}) installs a hook at import time, line {line} "
            f"('{text}'), that runs code on later calls or imports, inside the entry point before its guard"
        )
    if target == AMBIGUOUS_TARGET:
        return f"'{dotted}' cannot be proven: the module checked may not be the one that runs: {text}"
    return None
