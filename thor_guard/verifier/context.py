"""What the verifier needs besides the code: the mode variable, its values, stale flags and guard helpers.

A :class:`VerifierContext` is built once per analysed module from the
:class:`~thor_guard.config.Config`. Guard helpers are found three ways: listed
in ``guard-helpers``, defined in the same module, or defined in another
project module under the source roots. Helper modules are parsed on demand
(never imported) and cached in a :class:`HelperResolver` that one run shares
across all modules.
"""

from __future__ import annotations

import ast
import functools
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import libcst as cst
from libcst.metadata import MetadataWrapper

from heartbeat.mode import ModeValue, value_space
from thor_guard.stdlib_shadows import startup_hooks, stdlib_shadows
from thor_guard.targets import find_module_file
from thor_guard.verdict_cache import namespace_rivals, own_locations, unchecked_pyc
from thor_guard.verifier.bindings import (
    Hazard,
    MODULE_GETATTR,
    ImportEdges,
    UNPARSABLE_TARGET,
    ModuleBindings,
    census,
    every_body_patches,
    import_edges,
    parse_python,
    python_ast,
    unparsable_reason,
)
from thor_guard.verifier.facts import ModuleFacts
from thor_guard.verifier.import_time import BUILTINS_TARGET, IMPORT_SYSTEM_TARGET, UNKNOWN_KEY, env_key
from thor_guard.verifier.loads import AMBIGUOUS_TARGET, DEFERRED_TARGETS, describe as describe_load, in_project, settle
from thor_guard.verifier.reach import UNKNOWN_IMPORT_TARGET, import_time_reach, shown_line
from thor_guard.verifier.run_marks import CALLS_UNNAMED, REGISTERED, split_mark

if TYPE_CHECKING:
    from thor_guard.config import Config


_CALLS_UNNAMED_ROOT = frozenset({CALLS_UNNAMED})
"""The root :meth:`HelperResolver._run_edges` gives the run edge :data:`CALLS_UNNAMED` (a signal, never followed)."""


class HelperError(Exception):
    """A guard helper exists by name but cannot be used (unparsable module, wrong shape)."""


def parse_source(data: bytes) -> cst.Module:
    """Parse module bytes, honouring a PEP 263 coding cookie and a BOM (libcst does both for bytes)."""
    return cst.parse_module(data)


def describe_parse_error(data: bytes, exc: cst.ParserSyntaxError) -> str:
    """One line for a file libcst cannot parse (the shared wording of :func:`thor_guard.errors.describe_source_error`)."""
    from thor_guard.errors import describe_source_error

    return describe_source_error(data, exc)


@dataclass
class HelperResolver:
    """Find and parse guard-helper modules under the source roots; one instance per run."""

    source_roots: tuple[Path, ...]
    configured: frozenset[str] = frozenset()
    """Configured helpers as dotted names ``pkg.mod.func``."""
    _modules: dict[str, ModuleFacts | HelperError | None] = field(default_factory=dict)
    parsed_files: set[Path] = field(default_factory=set)
    """Files parsed to follow helpers (``check`` counts them)."""
    failed_files: dict[Path, str] = field(default_factory=dict)
    """Helper modules that could not be read or parsed: path -> one-line reason (``check`` reports them)."""
    _problems: dict[str, object] = field(default_factory=dict)
    _censuses: dict[Path, ModuleBindings] = field(default_factory=dict)
    _reach: dict[str, dict[str, tuple[Path, int, str]]] = field(default_factory=dict)
    _files: dict[str, list[Path]] = field(default_factory=dict)
    _edges: dict[Path, tuple[list[tuple[str, tuple[Path, int, str]]], list[Path]]] = field(default_factory=dict)
    _runs: dict[
        tuple[Path, frozenset[str]],
        tuple[list[tuple[str, tuple[Path, int, str]]], list[tuple[Path, frozenset[str]]], list[Path], list[str]],
    ] = field(default_factory=dict)
    """(file, roots) -> the patches of the code run from ``roots`` (empty: the file's own import), the code of other
    files it runs (run edges, resolved), the files it imports from there and every module name looked up to
    resolve them (shared across a run, like ``_edges``; the cache's ``lookups`` probe re-checks the names)."""
    _extensions: dict[Path, Path | None] = field(default_factory=dict)
    """Walked source file -> the compiled extension module beside it that Python loads instead (None: none)."""
    _trees: dict[Path, object] = field(default_factory=dict)
    """Walked file -> its parse (None: unparsable), for the reach of names run from elsewhere."""
    _located: dict[str, bool] = field(default_factory=dict)
    """Module name -> whether it has a place under the source roots (:func:`thor_guard.verifier.loads.in_project`)."""
    _listings: dict[Path, tuple[str, ...]] = field(default_factory=dict)
    """Directory -> its sorted entries (the extension probe lists each walked directory once)."""
    _module_names: dict[Path, str] = field(default_factory=dict)
    """File -> its dotted module name (:meth:`_module_of_path`: every walk of a run asks it of the files it follows)."""
    _names: dict[Path, tuple[str, ...]] = field(default_factory=dict)
    """File -> the module names its imports looked up under the source roots (the walk's edges came from them)."""
    _star_exports: dict[str, frozenset[str] | None] = field(default_factory=dict)
    """Module -> what ``from <module> import *`` copies (:meth:`star_exports`)."""
    _footprints: dict[str, tuple[tuple[Path, ...], tuple[str, ...]]] = field(default_factory=dict)
    """Module -> what its import walk depended on: the files it read and the module names it looked up
    (:meth:`walk_footprint`; ``check``'s verdict cache re-validates them)."""
    outline: Callable[[cst.Module], cst.Module] | None = None
    """Optional reduction of a parsed helper module before its metadata is computed (``apply`` passes
    :func:`thor_guard.verifier.skeleton.helper_outline`: module-level statements and one-statement functions, the
    only parts helpers and constants are read from). None analyses the whole module."""

    @functools.cached_property
    def stdlib_shadows(self) -> dict[str, Path]:
        """Project modules named like a standard-library module that every importer loads instead
        (:func:`thor_guard.stdlib_shadows.stdlib_shadows`): name -> file."""
        return stdlib_shadows(self.source_roots)

    @functools.cached_property
    def run_by_any_import(self) -> tuple[Path, ...]:
        """The shadowing modules (:attr:`stdlib_shadows`) and start-up hooks (``sitecustomize.py`` at a source root):
        files that importing anything may run. Listed once per resolver, not once per import walk."""
        return (*self.stdlib_shadows.values(), *startup_hooks(self.source_roots))

    def is_module(self, module: str) -> bool:
        """True when ``module`` is a project module under the source roots (found, not parsed)."""
        if module in self._modules:
            return self._modules[module] is not None
        return find_module_file(module, self.source_roots) is not None

    def binding_problem(self, dotted: str) -> str | None:
        """None when an import of ``dotted`` provably gives what the verifier resolves it to; else why not (one line).

        Two mechanisms make a dotted name mean something else than the file or
        the standard-library module of that name:

        * a project module named like a standard-library module (``io.py``,
          ``logging/``) under a source root: whether ``import io`` gives the
          project's or the standard library's depends on ``sys.path`` and on
          what was imported first (``io`` and ``os`` are imported at start-up);
        * ``import pkg.util as util`` and ``from pkg import util`` read the
          *attribute* ``util`` of the package, which ``pkg/__init__.py`` may
          bind to something else than the submodule (``class util: ...``).
        """
        cached = self._problems.get(dotted, _MISSING)
        if cached is not _MISSING:
            return cached  # type: ignore[return-value]
        problem = self._binding_problem(dotted)
        self._problems[dotted] = problem
        return problem

    def patch_problem(self, dotted: str, importer: str, env_keys: Iterable[str] | None = None, import_system: bool = True) -> str | None:
        """None unless a project module that importing ``importer`` imports (transitively) changes what ``dotted``
        gives; else that change, with file and line (one line).

        Three kinds of change count (see :mod:`thor_guard.verifier.import_time`): a store of an attribute on
        ``dotted``'s module (``patcher.py``: ``os.environ = _E(os.environ)``); for a read of the environment
        (``os.environ``, ``os.getenv``), a write of one of ``env_keys`` (the mode variable and stale flags; None:
        any key) or of a key not known statically; for any name not loaded at interpreter start-up, an edit of
        the import system (``sys.path.insert(0, ...)``), after which which file ``import util`` loads is not
        proven (``import_system=False``: not asked, for a name of an already loaded module or a builtin).
        """
        keys = None if env_keys is None else frozenset(env_keys)
        deferred: str | None = None
        replaced: str | None = None  # a built-in replaced at import time: shown when nothing more specific is found
        for target, (path, line, text) in self.patches_reaching(importer).items():
            if target == UNKNOWN_IMPORT_TARGET:
                return (
                    f"'{dotted}' cannot be proven: {self.shown(path)} (imported with {importer}) imports at import time a "
                    f"module whose name is not known statically, line {line} ('{text}'), so what that import runs is not read"
                )
            if target == BUILTINS_TARGET:
                replaced = replaced or (
                    f"'{dotted}' cannot be proven: {self.shown(path)} (imported with {importer}) replaces a built-in at "
                    f"import time, line {line} ('{text}'): every module then calls the replacement where it calls the built-in"
                )
                continue
            described = describe_load(target, dotted, importer, self.shown(path), line, text)
            if described is not None:
                if target in DEFERRED_TARGETS:  # a more specific reason found later in the walk is shown instead
                    # For a name of the loaded module itself (import_system=False) the guard's own reads (every env read
                    # comes here too) carry the finding: the entry point is not blamed for code it does not name.
                    deferred = deferred or (described if import_system else None)
                    continue
                return described
            if target == WALK_BOUND_TARGET:
                return (
                    f"'{dotted}' cannot be proven: the import walk of {importer} exceeds {text} "
                    f"({self.shown(path)} and others were not read), so what the rest imports and writes is not known"
                )
            if target == UNPARSABLE_TARGET:
                self._note_invalid(path)
                return (
                    f"'{dotted}' cannot be proven: {self.shown(path)} (imported with {importer}) cannot be read as Python: "
                    f"{text}, so what importing it runs is not known"
                )
            if target == UNCHECKED_PYC_TARGET:
                return (
                    f"'{dotted}' cannot be proven: {text} (for {self.shown(path)}, imported with {importer}) is compiled "
                    f"code that is not checked against its source (PEP 552 unchecked hash), so Python runs it, not the source read"
                )
            if target == COMPILED_SHADOW_TARGET:
                return (
                    f"'{dotted}' cannot be proven: {text} at a source root is loaded before any standard-library module "
                    f"or startup hook of that name (imported with {importer} by the standard library or at start-up), and its "
                    f"compiled code is not read"
                )
            if target == EXTENSION_TARGET:
                return (
                    f"'{dotted}' cannot be proven: the compiled extension module {text} beside {self.shown(path)} "
                    f"(imported with {importer}) is what Python imports, and its code is not read"
                )
            key = env_key(target)
            if key is not None:
                if dotted in _ENV_READS and (key == UNKNOWN_KEY or keys is None or key in keys):
                    what = f"the environment variable {key}" if key != UNKNOWN_KEY else "environment variables not known statically"
                    return (
                        f"'{dotted}' cannot be proven: {self.shown(path)} (imported with {importer}) writes {what} at "
                        f"import time, line {line} ('{text}')"
                    )
                continue
            if target == IMPORT_SYSTEM_TARGET:
                if import_system and dotted.split(".")[0] not in _PRELOADED:
                    return (
                        f"'{dotted}' cannot be proven: {self.shown(path)} (imported with {importer}) edits the import "
                        f"system at line {line} ('{text}'), so which file an import loads is not known"
                    )
                continue
            # What is read *from* the patched attribute changes; the object holding it stays the same object.
            if target == "*" or dotted == target or dotted.startswith(target + "."):
                return (
                    f"'{dotted}' cannot be proven: {self.shown(path)} (imported with {importer}) patches '{target}' at line {line} ('{text}')"
                )
        return deferred or replaced

    def patches_reaching(self, module: str) -> dict[str, tuple[Path, int, str]]:
        """Patched module -> its first store, over the project modules importing ``module`` runs (bounded walk).

        Importing ``a.b`` runs ``a/__init__.py`` and ``a/b.py``, and every
        project module they import at module level, and so on; a store on an
        imported module in any of them (see :attr:`ModuleBindings.patches`)
        changes what the analysed code reads from that module. Modules the
        entry point's module does not import are outside this walk (a
        documented assumption, docs/check.md).
        """
        cached = self._reach.get(module)
        if cached is not None:
            return cached
        found: dict[str, tuple[Path, int, str]] = {}
        nothing: frozenset[str] = frozenset()
        queue: list[tuple[Path, frozenset[str]]] = [(path, nothing) for path in self._module_files(module)]
        if queue:
            # A project module named like a standard-library one is what the standard library's own imports load
            # (`import uuid` imports platform), and a sitecustomize.py at a root on PYTHONPATH runs at start-up:
            # importing anything may run them (hostile reviews 14 and 15, stdlib_shadows)
            for path in self.run_by_any_import:
                if path.suffix != ".py":
                    found.setdefault(COMPILED_SHADOW_TARGET, (path, 1, self.shown(path)))
                elif (path, nothing) not in queue:
                    queue.append((path, nothing))
        seen = set(queue)
        paths = {path for path, _ in queue}  # the bound counts files; a file's code run from elsewhere is not another file
        names = [module]
        registered: list[tuple[Path, frozenset[str]]] = []  # registered functions waiting for an unnamed call (run_marks)
        through = False
        while queue and len(paths) < _MAX_IMPORT_WALK and len(seen) < _MAX_IMPORT_WALK * 8:
            path, roots = queue.pop()
            if roots:
                # Code of this file another file's import-time code runs (a decorator, a base's __init_subclass__,
                # a function called at import time): its patches, the modules it imports and what it runs in turn.
                patches, runs, imported, tried = self._run_edges(path, roots)
            else:
                patches, imported = self._file_edges(path)
                names.extend(self._names.get(path, ()))
                extension = self._extension_beside(path)
                if extension is not None:
                    found.setdefault(EXTENSION_TARGET, (path, 1, self.shown(extension)))
                unchecked = unchecked_pyc(path)
                if unchecked is not None:
                    found.setdefault(UNCHECKED_PYC_TARGET, (path, 1, self.shown(unchecked)))
                _, runs, _, tried = self._run_edges(path, nothing)
            names.extend(tried)  # module names the run edges were resolved against (a new module there changes them)
            for target, site in patches:
                found.setdefault(target, site)
            ready: list[tuple[Path, frozenset[str]]] = []
            for following in [*((p, nothing) for p in imported), *runs]:
                if following[1] == _CALLS_UNNAMED_ROOT:
                    # Import-time code somewhere calls objects it cannot name: every registered function may be one.
                    through = True
                    ready.extend(registered)
                    registered = []
                elif not through and following[1] and next(iter(following[1]))[:1] == REGISTERED:
                    registered.append(following)  # stored by a decorator: it runs only if something calls it unnamed
                else:
                    ready.append(following)
            for following in ready:
                if following not in seen:
                    seen.add(following)
                    paths.add(following[0])
                    queue.append(following)
                    if following[1]:
                        names.append(self._module_of_path(following[0]))
        if queue:
            # The bound cut the walk: what the rest imports is not read, so nothing it could patch is proven.
            path = queue[-1][0]
            bound = f"{_MAX_IMPORT_WALK} files" if len(paths) >= _MAX_IMPORT_WALK else f"{_MAX_IMPORT_WALK * 8} followed code units"
            found.setdefault(WALK_BOUND_TARGET, (path, 1, bound))
        parts = module.split(".")
        for index in range(1, len(parts) + 1):
            # The importer itself (or a package of it) under two source roots: the helper-module rule (R7-4).
            problem = self._location_problem(".".join(parts[:index]))
            if problem is not None and self._module_files(module):
                found.setdefault(AMBIGUOUS_TARGET, (self._module_files(module)[-1], 1, problem))
                break
        self._reach[module] = found
        self._footprints[module] = (tuple(sorted(paths)), tuple(sorted(set(names))))
        return found

    def _note_invalid(self, path: Path) -> None:
        """Report a walked file that is valid Python for *no* version (libcst refuses it too) as a bad input: loading
        its module as a helper records the reason for ``check`` (stderr, exit 2) besides the TG009. A file only this
        interpreter refuses (newer syntax) is the TG009 alone."""
        module = self._module_of_path(path)
        if find_module_file(module, self.source_roots) != path:
            return
        try:
            parse_source(path.read_bytes())
            return
        except (OSError, cst.ParserSyntaxError, SyntaxError, UnicodeDecodeError, LookupError):
            pass
        try:
            self.module_facts(module)
        except HelperError:
            pass

    def walk_footprint(self, module: str) -> tuple[tuple[Path, ...], tuple[str, ...]] | None:
        """What :meth:`patches_reaching` of ``module`` depended on: every file it read (or queued) and every module
        name it looked up under the source roots; None when that walk has not run."""
        return self._footprints.get(module)

    def _module_files(self, name: str) -> list[Path]:
        """The project files importing ``name`` runs: its parent packages' ``__init__.py`` and its own file."""
        cached = self._files.get(name)
        if cached is None:
            parts = name.split(".")
            cached = []
            for index in range(1, len(parts) + 1):
                # Under every source root, not only the first: a module in two roots may be either file at run time
                # (R4-14), so the patches of both reach the importer.
                for root in self.source_roots:
                    path = find_module_file(".".join(parts[:index]), (root,))
                    if path is not None and path not in cached:
                        cached.append(path)
            self._files[name] = cached
        return cached

    def _file_edges(self, path: Path) -> tuple[list[tuple[str, tuple[Path, int, str]]], list[Path]]:
        """A file's stores on other modules (absolute targets) and the project files its imports run (memoised)."""
        cached = self._edges.get(path)
        if cached is None:
            edges = self._import_edges(path)
            current = self._module_of_path(path)
            package = current if path.name == "__init__.py" else current.rpartition(".")[0]
            patches = [(self._target(target, current, package), (path, line, text)) for target, line, text in edges.patches]
            # Files run by path are walked like imports; required modules found nowhere are unknown (verifier.loads).
            patches, files, names = settle(patches, path, package, _absolute, self._in_project, self.source_roots)
            for imported in edges.imports:
                absolute = _absolute(imported, package) if imported.startswith(".") else imported
                if absolute:
                    names.append(absolute)
                    files.extend(f for f in self._module_files(absolute) if f not in files)
            cached = (patches, files)
            self._edges[path] = cached
            self._names[path] = tuple(names)
        return cached

    def _run_edges(
        self, path: Path, roots: frozenset[str]
    ) -> tuple[list[tuple[str, tuple[Path, int, str]]], list[tuple[Path, frozenset[str]]], list[Path], list[str]]:
        """For ``roots`` (names of ``path``'s module run from elsewhere; empty: its own import), the patches their code
        makes and the other files' code it runs: each run edge (``pkg.boot.setup``) resolved to the project file of
        its longest module prefix and the rest as a root (memoised; names outside the project are not followed)."""
        key = (path, roots)
        cached = self._runs.get(key)
        if cached is not None:
            return cached
        current = self._module_of_path(path)
        package = current if path.name == "__init__.py" else current.rpartition(".")[0]
        files: list[Path] = []
        tried: list[str] = []
        if roots:
            try:
                source = path.read_bytes()
            except OSError:
                source = b""
            tree = self._trees.get(path, _MISSING)
            if tree is _MISSING:
                tree = self._trees[path] = parse_python(source) if source else None
            reached = import_time_reach(tree, current, roots, module_level=False) if isinstance(tree, ast.Module) else None
            if reached is None:
                edges = import_edges(source, current, roots) if source else ImportEdges((), ())
            else:
                # The patches inside the bodies the names reach, out of the file's every-body census (one per file).
                spans = [(b.lineno, getattr(b, "end_lineno", None) or b.lineno) for b in reached.bodies]  # type: ignore[attr-defined]
                inside = [p for p in every_body_patches(source, current, tree if isinstance(tree, ast.Module) else None) if any(a <= p[1] <= b for a, b in spans)] if spans else []
                shown = source.decode("utf-8", "replace").splitlines()  # the census's spelling: the site's source line
                inside += [(t, n, shown_line(shown, n)) for t, n, _ in reached.sites()]
                edges = ImportEdges(tuple(reached.imports), tuple(inside), tuple(reached.runs))
            patches = [(self._target(t, current, package), (path, line, text)) for t, line, text in edges.patches]
            patches, by_path, looked_up = settle(patches, path, package, _absolute, self._in_project, self.source_roots)
            files.extend(by_path)
            tried.extend(looked_up)
            runs_named = edges.runs
            for imported in edges.imports:
                absolute = _absolute(imported, package) if imported.startswith(".") else imported
                if absolute:
                    tried.append(absolute)
                    files.extend(f for f in self._module_files(absolute) if f not in files)
        else:
            patches = []
            runs_named = self._import_edges(path).runs
        runs: list[tuple[Path, frozenset[str]]] = []
        for dotted in runs_named:
            if dotted == CALLS_UNNAMED:
                runs.append((path, _CALLS_UNNAMED_ROOT))  # a signal for the walk (patches_reaching), not code to follow
                continue
            mark, dotted = split_mark(dotted)  # how the code is reached (surely called, read by an import...): kept on the root
            dotted, bar, decorated = dotted.partition("|")  # `%deco.register|m.f`: the decorated function rides along (R9-13)
            absolute = _absolute(dotted, package) if dotted.startswith(".") else dotted
            parts = absolute.split(".")
            # Every split into module and object is followed, not only the longest module prefix: `pkg.Defaults.apply`
            # is the method of the class `pkg/__init__.py` binds as `Defaults` as well as `apply` of a submodule
            # `pkg/Defaults.py` (which one the attribute holds depends on what was imported when; hostile review 11).
            # A shorter split is asked only when its package binds the next name itself (or may, through a star
            # import or another hazard): otherwise that attribute is the submodule the longer split already asked.
            found = False
            for index in range(len(parts) - 1, 0, -1):
                prefix = ".".join(parts[:index])
                tried.append(prefix)
                if not self._could_be_project(prefix):
                    continue
                files = [f for f in self._module_files(prefix) if self._module_of_path(f) == prefix]
                if found:
                    files = [f for f in files if f.name != "__init__.py" or self._package_binds(f, parts[index])]
                if files:
                    found = True
                    root = frozenset({mark + ".".join(parts[index : index + 2]) + bar + decorated})
                    runs.extend((f, root) for f in files if (f, root) not in runs)
        cached = (patches, runs, files, list(dict.fromkeys(tried)))
        self._runs[key] = cached
        return cached

    def _in_project(self, name: str) -> bool:
        """Whether ``name`` has a place under the source roots (memoised for the run: every walked import asks)."""
        found = self._located.get(name)
        if found is None:
            found = self._located[name] = in_project(name, self.source_roots)
        return found

    def _could_be_project(self, name: str) -> bool:
        """Cheap filter before file look-ups: the top-level name exists under some source root."""
        top = name.split(".")[0]
        return bool(self._module_files(top))

    def _target(self, target: str, current: str, package: str) -> str:
        return current if target == "__name__" else target if target in ("*", UNKNOWN_IMPORT_TARGET, UNPARSABLE_TARGET) else _absolute(target, package)

    def _extension_beside(self, path: Path) -> Path | None:
        """The compiled extension module Python loads instead of ``path`` (``util.cpython-311-…so`` beside ``util.py``,
        ``__init__.abi3.so`` in the package), or None. Extension suffixes come before ``.py`` in the import system's
        search, so such a file, not the source the walk read, is what runs (hostile review 5, R5-15)."""
        if path in self._extensions:
            return self._extensions[path]
        stem = path.name[: -len(".py")] + "." if path.name.endswith(".py") else None
        found: Path | None = None
        if stem is not None:
            entries = self._listings.get(path.parent)
            if entries is None:
                try:
                    entries = tuple(sorted(os.listdir(path.parent)))
                except OSError:
                    entries = ()
                self._listings[path.parent] = entries
            for entry in entries:
                if entry.startswith(stem) and entry.endswith((".so", ".pyd")) and (path.parent / entry).is_file():
                    found = path.parent / entry
                    break
        self._extensions[path] = found
        return found

    def _module_of_path(self, path: Path) -> str:
        cached = self._module_names.get(path)
        if cached is None:
            cached = self._module_names[path] = self._module_name(path)
        return cached

    def _module_name(self, path: Path) -> str:
        for root in self.source_roots:
            try:
                relative = path.relative_to(root)
            except ValueError:
                continue
            parts = relative.with_suffix("").parts
            return ".".join(parts[:-1] if parts and parts[-1] == "__init__" else parts)
        return path.stem

    def _binding_problem(self, dotted: str) -> str | None:
        parts = dotted.split(".")
        top = parts[0]
        for index in range(1, len(parts) + 1):
            problem = self._location_problem(".".join(parts[:index]))
            if problem is not None:
                return problem
        if top in sys.stdlib_module_names:
            shadow = find_module_file(top, self.source_roots)
            if shadow is not None:
                return (
                    f"'{top}' is both a standard-library module and the project module {self.shown(shadow)}: which one "
                    f"'import {top}' gives depends on sys.path and on what was imported first"
                )
            return None
        for index in range(1, len(parts)):
            package, name = ".".join(parts[:index]), parts[index]
            path = find_module_file(package, self.source_roots)
            if path is None or path.name != "__init__.py":
                return None  # not a project package (or a plain module: its names are proven by its own census)
            if find_module_file(f"{package}.{name}", self.source_roots) is None:
                return None  # an attribute, not a submodule: resolved (and proven) through the package's own census
            census_ = self._package_census(path)
            hazard = census_.hazard_for(name)
            if hazard is not None:
                return f"'{package}.{name}' cannot be proven: {hazard.kind} at line {hazard.line} of {self.shown(path)} can bind '{name}' in the package"
            for site in census_.bindings(name):
                submodule = site.kind == "import" and site.target is not None and _absolute(site.target, package) == f"{package}.{name}"
                if not submodule:
                    return (
                        f"'{package}.{name}' is not the module {package}.{name}: {self.shown(path)} binds '{name}' at line "
                        f"{site.line} ('{site.text}'), and importing it reads that attribute of the package"
                    )
        return None

    def _location_problem(self, name: str) -> str | None:
        """None unless ``import name`` may load another file than :func:`find_module_file`'s (one line why).

        Two mechanisms (hostile review 4, R4-14 and R4-17): the module exists
        under two source roots (which one an import loads depends on the
        runtime ``sys.path`` order, which the configuration does not state),
        or a compiled extension module (``util.cpython-311-x86_64-linux-gnu.so``,
        ``util.pyd``) sits beside the source: the import system tries
        extension suffixes before ``.py``, so the compiled file wins and the
        source the verifier read is not what runs.
        """
        rivals = namespace_rivals(name, self.source_roots)
        if rivals:
            portion = next(root / Path(*name.split(".")) for root in self.source_roots if (root / Path(*name.split("."))).is_dir())
            return (
                f"'{name}' cannot be proven: the project's {self.shown(portion)}/ is a namespace package (no __init__.py), "
                f"and the regular package or module {self.shown(Path(rivals[0]))} of the same name (on sys.path or in another source root) wins "
                f"'import {name}' wherever it is in the order"
            )
        locations = own_locations(name, self.source_roots)
        sources = [Path(p) for p in locations if p.endswith(".py")]
        compiled = [Path(p) for p in locations if not p.endswith(".py")]
        if compiled and sources:
            return (
                f"'{name}' cannot be proven: the compiled extension module {self.shown(compiled[0])} beside "
                f"{self.shown(sources[0])} is what 'import {name}' loads, and its code is not read"
            )
        roots = [root for root in self.source_roots if any(_under(path, root) for path in sources)]
        if len(sources) > 1 and len(roots) > 1:
            return (
                f"'{name}' cannot be proven: it is both {sources[0]} and {sources[1]} (two source roots), and which "
                f"one 'import {name}' loads depends on the order of sys.path at run time"
            )
        return None

    def shown(self, path: Path) -> str:
        """``path`` as messages show it: relative to the source root that holds it (``pkg/__init__.py``)."""
        for root in self.source_roots:
            try:
                return path.relative_to(root).as_posix()
            except ValueError:
                continue
        return str(path)

    def _package_binds(self, path: Path, name: str) -> bool:
        """Whether the package ``__init__.py`` at ``path`` binds ``name`` itself or may (a hazard that can bind any
        name: a star import, ``globals()`` writes; its own PEP 562 ``__getattr__`` does not answer for a submodule
        that was imported)."""
        census_ = self._package_census(path)
        if census_.bindings(name):
            return True
        return any((h.names is None and h.kind != MODULE_GETATTR) or (h.names is not None and name in h.names) for h in census_.hazards)

    def _package_census(self, path: Path) -> ModuleBindings:
        cached = self._censuses.get(path)
        if cached is None:
            try:
                cached = census(path.read_bytes(), self._module_of_path(path))
            except OSError as exc:
                cached = ModuleBindings(hazards=[Hazard(f"an unreadable file ({exc.strerror or exc})", 1, "")])
            self._censuses[path] = cached
        return cached

    def _import_edges(self, path: Path) -> ImportEdges:
        """The file's imports and patches: from its census when one was taken, else from the cheaper edges pass."""
        census_ = self._censuses.get(path)
        if census_ is not None:
            return ImportEdges(tuple(census_.imports), tuple(census_.patches), tuple(census_.runs))
        try:
            tree = self._trees.get(path)  # the walk's own parse of the file, when it has one: not parsed twice
            return import_edges(path.read_bytes(), self._module_of_path(path), tree=tree if isinstance(tree, ast.Module) else None)
        except OSError:
            return ImportEdges((), ())  # the census of an unreadable file has only a hazard: no import, no patch

    def module_facts(self, module: str) -> ModuleFacts | None:
        """Facts for a project module, or None when it is not under the source roots; HelperError when unparsable."""
        if module not in self._modules:
            self._modules[module] = self._load(module)
        cached = self._modules[module]
        if isinstance(cached, HelperError):
            raise cached
        return cached

    def _load(self, module: str) -> ModuleFacts | HelperError | None:
        path = find_module_file(module, self.source_roots)
        if path is None:
            return None
        package = path.with_suffix("") / "__init__.py"
        if path.name != "__init__.py" and package.is_file():
            reason = f"the package {package.parent.name}/ shadows {path.name}: Python imports {package}, not this file"
            self.failed_files[path.resolve()] = reason
            return HelperError(f"cannot use {module}: {reason}")
        try:
            data = path.read_bytes()
            tree = parse_source(data)
        except OSError as exc:
            reason = f"cannot read file: {exc.strerror or exc}"
            self.failed_files[path.resolve()] = reason
            return HelperError(f"cannot read helper module {path}: {exc.strerror or exc}")
        except cst.ParserSyntaxError as exc:
            reason = describe_parse_error(data, exc)
            self.failed_files[path.resolve()] = reason
            return HelperError(f"cannot parse helper module {path}: {reason}")
        except (SyntaxError, UnicodeDecodeError, LookupError) as exc:
            reason = describe_parse_error(data, exc)
            self.failed_files[path.resolve()] = reason
            return HelperError(f"cannot parse helper module {path}: {reason}")
        if python_ast(data) is None:
            # libcst reads it, Python (even with newer syntax lowered) does not: the scans that read Python's tree
            # would see nothing, and unknown is not nothing (R6-20).
            reason = unparsable_reason(data)
            self.failed_files[path.resolve()] = reason
            return HelperError(f"cannot parse helper module {path}: {reason}")
        self.parsed_files.add(path.resolve())
        if self.outline is not None:
            tree = self.outline(tree)
        return ModuleFacts(
            module, path, MetadataWrapper(tree, unsafe_skip_copy=True), is_package=path.name == "__init__.py", source=data, star_exports=self.star_exports
        )

    def star_exports(self, module: str) -> frozenset[str] | None:
        """The names ``from <module> import *`` copies, when ``module`` is a project module and they are known (review 9,
        FA9-12); None otherwise (a library or standard-library module, an unreadable one: any name).

        With a literal ``__all__`` (a list/tuple of strings bound once, never read or changed elsewhere in the module):
        those names, but None when one of them is not bound in the module (importlib asks the module's PEP 562
        ``__getattr__`` for it, or imports a submodule of that name, R9-8). Without ``__all__``: every public name the
        module binds (any binding, ``global`` in a function included), and for a package every public name of its
        directory (a submodule imported by anyone becomes an attribute of the package). A module with its own
        hazard that can bind any name (a star import of an unknown module, ``globals()`` writes…) is None."""
        cached = self._star_exports.get(module, _MISSING)
        if cached is not _MISSING:
            return cached  # type: ignore[return-value]
        self._star_exports[module] = None  # a star-import cycle answers "not known"
        self._star_exports[module] = found = self._exports_of(module)
        return found

    def _exports_of(self, module: str) -> frozenset[str] | None:
        try:
            facts = self.module_facts(module)
        except HelperError:
            return None
        if facts is None or facts.path is None:
            return None
        bindings = facts.bindings
        if any(hazard.names is None for hazard in bindings.hazards):
            return None
        sites = bindings.bindings("__all__")
        if sites:
            value = facts.module_value("__all__")
            if len(sites) != 1 or sites[0].kind not in ("assign", "annassign") or sites[0].conditional or not isinstance(value, (cst.List, cst.Tuple)):
                return None
            names: set[str] = set()
            for element in value.elements:
                literal = element.value.evaluated_value if isinstance(element, cst.Element) and isinstance(element.value, cst.SimpleString) else None
                if not isinstance(literal, str):
                    return None
                names.add(literal)
            tree = python_ast(facts.full_source)
            if tree is None or any(
                (isinstance(n, ast.Name) and n.id == "__all__" and not isinstance(n.ctx, ast.Store))
                or (isinstance(n, ast.Attribute) and n.attr == "__all__")
                or (isinstance(n, ast.Constant) and n.value == "__all__")
                for n in ast.walk(tree)
            ):
                return None  # `__all__.append(x)`, `__all__ += […]`, `globals()["__all__"]`: not the literal
            if any(name not in bindings.names for name in names):
                return None
            return frozenset(names)
        names = {name for name in bindings.names if not name.startswith("_")}
        if facts.is_package:
            for entry in facts.path.parent.iterdir():
                stem = entry.name.split(".")[0]
                if stem and not stem.startswith("_") and (entry.is_dir() or entry.suffix in (".py", ".pyc", ".so", ".pyd")):
                    names.add(stem)
        return frozenset(names)



@dataclass(frozen=True)
class VerifierContext:
    """Configuration of one verification: the mode variable, its values, stale flags and helpers."""

    module: str
    """Dotted name of the analysed module (relative imports and same-module helpers resolve against it)."""
    path: Path | None = None
    env_var: str = "THOR_SCHEDULER_MODE"
    heartbeat_value: str = "heartbeat"
    legacy_value: str = "legacy"
    stale_flags: tuple[str, ...] = ()
    resolver: HelperResolver = field(default_factory=lambda: HelperResolver(()))
    strict: bool = False
    """``strict = true``: drop the stated assumptions (attribute loads, built-in methods on unknown receivers…)."""
    transparent_decorators: tuple[str, ...] = ()
    """Dotted names of decorators that call the function unchanged (``transparent-decorators``)."""
    source: bytes | None = None
    """The analysed module's full source, when the wrapper holds a skeleton of it (``check``): bindings are
    censused from it, so a ``global`` rebinding in a stubbed body is still seen."""

    @classmethod
    def from_config(
        cls,
        config: Config,
        *,
        module: str,
        path: Path | None,
        resolver: HelperResolver | None = None,
        source: bytes | None = None,
    ) -> VerifierContext:
        """Build the context for ``module`` (at ``path``).

        Helper modules are parsed once per ``config`` object (the resolver is
        cached beside it), so calling this for every module of a run is cheap;
        pass ``resolver`` to control sharing explicitly.
        """
        if resolver is None:
            resolver = resolver_for(config)
        return cls(
            module=module,
            path=path,
            env_var=config.env_var,
            heartbeat_value=config.heartbeat_value,
            legacy_value=config.legacy_value,
            stale_flags=tuple(config.stale_flags),
            resolver=resolver,
            strict=bool(getattr(config, "strict", False)),
            transparent_decorators=tuple(getattr(config, "transparent_decorators", ())),
            source=source,
        )

    @property
    def is_package(self) -> bool:
        return self.path is not None and self.path.name == "__init__.py"

    @property
    def heartbeat_environments(self) -> tuple[str | None, ...]:
        """Values under which every legacy entry point must return first: unset and the heartbeat value in three cases."""
        value = self.heartbeat_value
        return _unique((None, value, value.capitalize(), value.upper()))

    @property
    def legacy_environments(self) -> tuple[str, ...]:
        value = self.legacy_value
        return tuple(v for v in _unique((value, value.capitalize())) if v is not None)

    @property
    def value_space(self) -> tuple[ModeValue, ...]:
        """Every value the guard is evaluated over, with its world (the heartbeat's own predicate, :mod:`heartbeat.mode`)."""
        return value_space(self.heartbeat_value, self.legacy_value)


_RESOLVERS: dict[int, tuple[Config, HelperResolver]] = {}


def resolver_for(config: Config) -> HelperResolver:
    """The helper resolver shared by every context built from ``config`` (a few recent configs are kept)."""
    cached = _RESOLVERS.get(id(config))
    if cached is not None and cached[0] is config:
        return cached[1]
    from thor_guard.verifier.skeleton import helper_outline

    # Other project modules are read as outlines (module statements, small functions); a function body the
    # interprocedural walk needs is recovered from the file alone (ModuleFacts.recover), so a call into a large
    # module costs a parse, not its whole scope analysis.
    resolver = HelperResolver(
        tuple(config.source_roots),
        frozenset(f"{t.module}.{t.qualname}" for t in config.guard_helpers),
        outline=helper_outline,
    )
    if len(_RESOLVERS) >= 4:
        _RESOLVERS.pop(next(iter(_RESOLVERS)))
    _RESOLVERS[id(config)] = (config, resolver)
    return resolver


def _under(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


_MISSING = object()
_ENV_READS = frozenset({"os.environ", "os.environ.get", "os.getenv"})
"""Dotted names through which a guard reads the environment (values.ENVIRON, ENV_GET, GETENV)."""
_PRELOADED = frozenset({"os", "sys", "builtins", "posix", "io", "abc", "codecs", "stat", "posixpath", "genericpath"})
"""Modules every interpreter has imported before any project code runs: ``sys.modules`` answers their imports, so a
later ``sys.path`` edit cannot change which file they come from."""
COMPILED_SHADOW_TARGET = "?compiled-shadow"
"""Patch target of a sourceless ``.pyc`` or an extension module at a source root that shadows a standard-library
module or is a startup hook (:mod:`thor_guard.stdlib_shadows`): any import may run it, and it cannot be read."""
EXTENSION_TARGET = "?extension"
"""Patch target of a compiled extension module beside a walked source file (the site's text names the extension)."""
WALK_BOUND_TARGET = "?bound"
"""Patch target of an import walk cut by :data:`_MAX_IMPORT_WALK` with files still queued (hostile review 6, R6-18)."""
UNCHECKED_PYC_TARGET = "?unchecked-pyc"
"""Patch target of a walked source whose ``__pycache__`` file is an unchecked-hash pyc (hostile review 6, R6-11)."""
_MAX_IMPORT_WALK = 2000
"""Project files the import walk of :meth:`HelperResolver.patches_reaching` reads at most; a walk cut by it with files
still queued makes every name read through it unproven (:data:`WALK_BOUND_TARGET`)."""


def _absolute(target: str, package: str) -> str:
    """``target`` of an import made in ``package/__init__.py``, made absolute (``.util`` -> ``package.util``)."""
    if not target.startswith("."):
        return target
    level = len(target) - len(target.lstrip("."))
    parts = package.split(".")
    base = parts[: len(parts) - (level - 1)] if level > 1 else parts
    rest = target[level:]
    return ".".join([*base, rest] if rest else base)


def _unique(values: Iterable[str | None]) -> tuple[str | None, ...]:
    seen: list[str | None] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return tuple(seen)
