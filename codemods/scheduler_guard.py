"""``SchedulerGuardCommand``: fix what the verifier finds in the targeted entry points of one module.

The command never judges a guard itself: it asks the verifier
(:func:`thor_guard.verifier.verify_function`) for each function the manifest
targets and acts on the verdict's codes (DESIGN §4):

- TG001: insert the canonical guard after the docstring;
- TG002: move the guard to the top when that cannot change legacy behaviour;
- TG003/TG004/TG007: rewrite the guard's condition to the canonical one,
  keeping its log call and exit;
- TG005/TG006/TG009 (and malformed suppressions): left for a person.

It runs under ``thor-guard apply`` (which passes the loaded config and the
module name) and under libcst's runner::

    python -m libcst.tool codemod --no-format -x codemods.scheduler_guard.SchedulerGuardCommand PATH
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import libcst as cst
from libcst.codemod import CodemodContext, SkipFile, VisitorBasedCodemodCommand
from libcst.metadata import MetadataWrapper, Scope, ScopeProvider

from codemods.ancestry import GLUE, enclosing_ids
from codemods.bindings import (
    FunctionScopeView,
    ModuleBindings,
    Unresolvable,
    choose_local_name,
    function_scope_view,
    package_submodules,
)
from codemods.body import (
    BodyItem,
    after_docstring,
    body_indents,
    body_statements,
    docstring_split,
    rebuild_body,
)
from codemods.canonical import (
    GuardSpec,
    Layout,
    canonical_guard,
    mode_assignment,
    mode_condition,
    module_parser_config,
)
from codemods.compiler_locals import complete_scope
from codemods.contract import exit_note, exit_statement, has_yield, is_generator
from codemods.environ_aliases import EnvironAliases, may_write_environ
from codemods.environ_calls import EnvironmentCalls
from codemods.jumped_over import (
    first_mode_check,
    jumped_over,
    module_string_constants,
    names_the_variable,
    statement_parts,
    write_keys_proven_other,
)
from codemods.guard_edit import (
    carried_comments,
    condition_reads_only_mode,
    mode_variables_read,
    environment_write,
    exiting_if,
    loaded_names,
    plan_move,
    removable_feeders,
)
from codemods.imports import with_imports
from codemods.outcome import FunctionOutcome, RefuseFile
from codemods.runtime import frame_reader, frame_reader_aliases, may_alias_frame_reader
from codemods.star_exports import reads_own_namespace, star_importers
from codemods.style import project_line_length
from codemods.validate import FORM_FEED, compiles, form_feed_problem, rewrite_problem
from codemods.wrapped_generators import wrapping_modules
from codemods.visitor_cache import install as _install_visitor_cache
from thor_guard.writer import format_problems, round_trip_problem
from thor_guard.verifier.import_time import ENV_TARGET, IMPORT_SYSTEM_TARGET
from thor_guard.verifier.skeleton import def_positions, helper_outline, skeleton, walk_functions
from thor_guard.config import Config, find_pyproject, load_config
from thor_guard.errors import ThorGuardError
from thor_guard.rules import parse_codes
from thor_guard.source_warnings import quiet_source_warnings
from thor_guard.targets import Target, find_module_file, is_excluded, module_name_for
from thor_guard.verifier import (
    FunctionVerdict,
    HelperResolver,
    VerifierContext,
    is_context_manager,
    verify_function,
)

_install_visitor_cache()

FIXABLE = frozenset({"TG001", "TG002", "TG003", "TG004", "TG007"})
PLAIN_FIXES = frozenset(
    {
        "inserted the canonical guard",
        "moved the guard to the top",
        "moved the guard to the top and rewrote its condition to the canonical one",
        "rewrote the guard's condition to the canonical one, keeping its log call and exit",
    }
)
"""Details of a fix that say all there is to say; any other detail of a fixed function is its note (review AR2-1)."""
REWRITE = frozenset({"TG003", "TG004", "TG007"})


@lru_cache(maxsize=32)
def _load_config_cached(start: Path, config_file: Path | None) -> Config:
    return load_config([start], config_file)


def config_for_file(path: Path, config_file: Path | None) -> Config:
    """The configuration governing ``path`` (cached per pyproject, as libcst's runner calls once per file)."""
    if config_file is not None:
        return _load_config_cached(config_file.resolve().parent, config_file.resolve())
    found = find_pyproject(path)
    start = found.parent if found is not None else path.resolve().parent
    return _load_config_cached(start, None)


def module_for_file(path: Path, config: Config) -> str | None:
    for root in config.source_roots:
        module = module_name_for(path, root)
        if module is not None:
            return module
    return None


@dataclass
class _FunctionPlan:
    """The new body of one function and what the module must gain for it."""

    qualname: str
    items: list[BodyItem]
    imports: frozenset[str] = frozenset()


@dataclass
class _ModulePlan:
    """Edits decided for one module, per function; ``active`` picks the ones a build applies."""

    functions: dict[int, _FunctionPlan] = field(default_factory=dict)
    active: frozenset[int] = frozenset()


_NUL = b"\x00"
_LONE_CR = re.compile(rb"\r(?!\n)")
_CONTEXT_MANAGERS = frozenset({"contextlib.contextmanager", "contextlib.asynccontextmanager"})
_TRANSPARENT = frozenset({"staticmethod", "classmethod", "builtins.staticmethod", "builtins.classmethod"})
DEEP_NESTING = "libcst reached Python's recursion limit on this module (code nested too deeply); left untouched"


def source_refusal(source: bytes) -> str | None:
    """Why a file is left untouched before any analysis, or None (the same answer under both runners)."""
    if _NUL in source:
        return "the file contains NUL bytes, which Python refuses to import; left untouched"
    lone = _LONE_CR.search(source)
    if lone:
        # Python reads any lone CR as a line ending (universal newlines), also inside a comment or a string literal
        line = source.count(b"\n", 0, lone.start()) + 1
        return (
            f"the file uses lone CR line endings (a carriage return without a line feed on line {line}, which Python "
            "reads as a line break), which libcst cannot reproduce byte for byte; left untouched"
        )
    return round_trip_problem(source)


class SchedulerGuardCommand(VisitorBasedCodemodCommand):
    """Insert, move or repair THOR_SCHEDULER_MODE guards in manifest entry points."""

    DESCRIPTION = "Insert, move or repair THOR_SCHEDULER_MODE guards in the entry points of [tool.thor-guard]."
    METADATA_DEPENDENCIES = (ScopeProvider,)
    """What the verifier and the name checks read. Qualified names are not resolved up front: libcst's
    ``QualifiedNameProvider`` is one more full pass over the skeleton that only stores, per node,
    ``scope.get_qualified_names_for(node)`` for later; :meth:`_qualified_names` asks the scope directly for
    the few nodes it needs (the verifier resolves the provider itself, lazily, if it ever asks). Anything
    else in ``REQUIRED_METADATA`` (positions) is resolved lazily by the wrapper if the verifier ever asks,
    and positions of a skeleton are not the file's."""

    @staticmethod
    def add_args(arg_parser: argparse.ArgumentParser) -> None:
        arg_parser.add_argument(
            "--config",
            dest="config_file",
            metavar="FILE",
            default=None,
            help="pyproject.toml or TOML file with [tool.thor-guard] (default: nearest pyproject.toml above each file)",
        )
        arg_parser.add_argument(
            "--select",
            dest="select",
            metavar="CODES",
            default=None,
            help="only fix these codes, e.g. TG001,TG002 (default: every fixable code)",
        )

    def __init__(
        self,
        context: CodemodContext,
        config_file: str | None = None,
        select: str | frozenset[str] | None = None,
        *,
        config: Config | None = None,
        module: str | None = None,
    ) -> None:
        super().__init__(context)
        self._config_file = Path(config_file) if config_file else None
        self._given_config = config
        self._given_module = module
        self.select: frozenset[str] | None = parse_codes(select) if isinstance(select, str) else select
        self._codes_before: dict[int, frozenset[str]] = {}
        """The codes each planned function had before the edit (by node ``id``; see :meth:`_recheck`)."""
        self.outcomes: list[FunctionOutcome] = []
        """What happened to each targeted function that was not already clean (reset per module)."""
        self.targets_seen: set[Target] = set()
        """Targets that matched at least one function in the last module (``apply`` derives TG008 from them)."""
        self._config: Config | None = None
        self._module: str | None = None
        self._targets: tuple[Target, ...] = ()
        self._plan = _ModulePlan()
        self._source: bytes | None = None
        self._source_for: str | None = None
        self._resolver: tuple[Config, HelperResolver] | None = None
        self._outcome_of: dict[int, int] = {}
        self._layout: dict[int, Layout] = {}
        self._verifier_context: VerifierContext | None = None
        self._generated: tuple[cst.Module, bytes] | None = None
        self._enter: frozenset[int] = frozenset()
        self._completed_scopes: set[int] = set()
        self._tree: cst.Module = cst.Module(body=())
        """The full module being planned (function bodies the skeleton stubs included)."""
        self._aliases: EnvironAliases | None = None
        self._env_calls: EnvironmentCalls | None = None
        self._constants: tuple[cst.Module, dict[str, str]] | None = None
        self._frame_alias_names: frozenset[str] | None = None
        """``id`` of the function scopes already completed by :func:`codemods.compiler_locals.complete_scope`."""
        """``id`` of the statements the current build enters (see :func:`codemods.ancestry.enclosing_ids`)."""

    def generated_bytes(self, module: cst.Module) -> bytes:
        """``module.bytes``, generated once: the rewrite is checked, re-verified and written from the same bytes.

        Code generation walks the whole tree (about a tenth of a codemod
        run), and one rewritten module is needed as bytes three times. Only
        the last module is remembered (compared by identity: libcst trees
        are immutable, so the same object always generates the same bytes).
        """
        cached = self._generated
        if cached is not None and cached[0] is module:
            return cached[1]
        data = module.bytes
        self._generated = (module, data)
        return data

    def retarget(self, filename: str, module: str | None, source: bytes | None = None) -> None:
        """Reuse this command for another file (building a libcst transformer is costly: ~30 ms).

        ``source`` is the file's bytes when the caller has them (libcst's
        runner does not pass them: they are then read from ``filename``).
        """
        self.context = CodemodContext(filename=filename, full_module_name=module)
        self._given_module = module
        self._source = source
        self._source_for = filename if source is not None else None

    # -- set-up ------------------------------------------------------------
    def _resolve_module(self) -> None:
        filename = self.context.filename
        path = Path(filename) if filename else None
        if self._given_config is not None:
            config = self._given_config
        elif path is not None:
            try:
                config = config_for_file(path, self._config_file)
            except ThorGuardError as exc:
                # libcst's runner would print the traceback once per file; one line says it (thor-guard apply
                # reads the configuration once and exits 2 before any file)
                raise SkipFile(f"configuration error: {exc}") from None
        else:
            raise SkipFile("no file name and no configuration: nothing is targeted")
        module = self._given_module
        if module is None and path is not None:
            if is_excluded(path, config.project_root, config.exclude):
                raise SkipFile("excluded by the configuration")
            module = module_for_file(path, config)
        if module is None:
            module = self.context.full_module_name
        if module is None:
            raise SkipFile("not under a configured source root")
        self._config, self._module = config, module
        # a file under two source roots ('.' and 'src') is module 'm' and 'src.m' at once: an entry naming
        # either is this file's (review AR2-4); the verdict is taken under the first name, as check does
        names = {module, *self._other_module_names(path, config, module)}
        self._targets = tuple(t for t in config.entry_points if any(t.matches_module(name) for name in names))
        if not self._targets:
            raise SkipFile("no entry point of the manifest lives in this module")

    @staticmethod
    def _other_module_names(path: Path | None, config: Config, module: str) -> set[str]:
        """The file's other module names: under other source roots (overlapping roots give one file two names),
        and the manifest's modules that resolve to this very file through a symlinked package (``pkg_alias ->
        pkg``, review AR3-11)."""
        if path is None:
            return set()
        names: set[str | None] = {module_name_for(path, root) for root in config.source_roots} if len(config.source_roots) > 1 else set()
        try:
            resolved = path.resolve()
        except OSError:
            resolved = None
        for target in config.entry_points:
            if resolved is None or target.module in names or any(c in target.module for c in "*?["):
                continue
            found = find_module_file(target.module, config.source_roots)
            if found is not None and found.resolve() == resolved:
                names.add(target.module)
        return {name for name in names if name is not None and name != module}

    def _file_bytes(self, tree: cst.Module) -> bytes:
        """The bytes the tree was parsed from: given by ``apply``, re-read from the file under libcst's runner."""
        filename = self.context.filename
        if self._source is not None and self._source_for == filename:
            return self._source
        if filename:
            try:
                return Path(filename).read_bytes()
            except OSError:
                pass
        return tree.bytes

    def transform_module(self, tree: cst.Module) -> cst.Module:
        """Plan fixes for the module's targeted functions and apply them; return ``tree`` itself when none.

        Unlike the base class, metadata is resolved on a skeleton of the
        module (see :mod:`thor_guard.verifier.skeleton`) without deep-copying it, and the
        full tree is walked only when something changes, and then only
        through statements that can hold a ``def``: on a large file this is
        nearly all the cost of a codemod run.

        Raises :class:`~codemods.outcome.RefuseFile` (a ``SkipFile`` for
        libcst's runner) when the file must stay untouched.
        """
        # the recheck compiles the module: a warning about the user's source is not thor-guard's business, on any
        # route (the CLI enters this too; libcst's runner does not) -- review AR4-7
        with quiet_source_warnings():
            return self._transform_module(tree)

    def _transform_module(self, tree: cst.Module) -> cst.Module:
        self.outcomes = []
        self.targets_seen = set()
        self._generated = None
        self._plan = _ModulePlan()
        self._outcome_of = {}
        self._resolve_module()
        functions = walk_functions(tree)
        targeted: list[tuple[int, str, cst.FunctionDef]] = []
        for index, (qualname, function) in enumerate(functions):
            matched = [t for t in self._targets if t.matches_qualname(qualname)]
            if matched:
                self.targets_seen.update(matched)
                targeted.append((index, qualname, function))
        if not targeted:
            return tree
        source = self._file_bytes(tree)
        refusal = source_refusal(source)
        if refusal is not None:
            raise RefuseFile(refusal)
        try:
            return self._transform(tree, targeted, source)
        except RecursionError:
            self._degrade_all(targeted, DEEP_NESTING)
            raise RefuseFile(DEEP_NESTING, per_function=True) from None

    def _degrade_all(self, targeted: list[tuple[int, str, cst.FunctionDef]], reason: str) -> None:
        """Every targeted function needs a person for ``reason`` (nothing in the module can be rewritten)."""
        positions = def_positions(self._source) if self._source is not None else []
        self.outcomes = []
        for index, qualname, _ in targeted:
            line, column = positions[index] if index < len(positions) else (0, 0)
            self.outcomes.append(FunctionOutcome(line, column, qualname, "needs-person", ("TG009",), reason))
            self.warn(f"{qualname} (line {line}): needs a person: {reason}")

    def _transform(self, tree: cst.Module, targeted: list[tuple[int, str, cst.FunctionDef]], source: bytes) -> cst.Module:
        outline = skeleton(tree, {id(function) for _, _, function in targeted})
        wrapper = MetadataWrapper(outline, unsafe_skip_copy=True)
        with self.resolve(wrapper):
            self.context = replace(self.context, wrapper=wrapper)
            try:
                self._plan_module(tree, targeted, source)
            finally:
                self.context = replace(self.context, wrapper=None)
        if not self._plan.functions:
            return tree
        new = self._build_checked(tree, source)
        if new is tree:
            return tree
        rejected = self._recheck(new, targeted)
        if not rejected:
            return new
        for function_id, reason in rejected.items():
            self._unfix(function_id, reason)
        return self._build_checked(tree, source) if self._plan.functions else tree

    def _recheck(self, new: cst.Module, targeted: list[tuple[int, str, cst.FunctionDef]]) -> dict[int, str]:
        """Ask the verifier about every fixed function of the rewritten module: ``check`` must be clean for each.

        Returns the reason per function (by the original node's ``id``) that
        the verifier still rejects; those are left for a person. ``def``
        statements are never added or removed, so the n-th function of the
        rewrite is the n-th of the original.
        """
        assert self._verifier_context is not None
        fixed = [(index, qualname, function) for index, qualname, function in targeted if id(function) in self._plan.functions]
        functions = walk_functions(new)
        rewritten = {index: functions[index][1] for index, _, _ in fixed}
        wrapper = MetadataWrapper(skeleton(new, {id(f) for f in rewritten.values()}), unsafe_skip_copy=True)
        context = replace(self._verifier_context, source=self.generated_bytes(new))  # bindings are scanned in the rewritten source
        rejected: dict[int, str] = {}
        for index, qualname, function in fixed:
            verdict = verify_function(wrapper, rewritten[index], qualname, context)
            hits = [hit for hit in verdict.hits if hit.code not in verdict.suppressed]
            if self.select is not None:
                # --select fixes only these codes: a finding of another code that was there before stays (it
                # was not asked for); one the edit introduced, or one of the selected codes, still rejects.
                before = self._codes_before.get(id(function), frozenset())
                hits = [hit for hit in hits if hit.code in self.select or hit.code not in before]
            if hits:
                message = original_line_numbers(hits[0].message, self._source or b"", self.generated_bytes(new))
                unparsable = self._unparsable_reason(message)
                if unparsable is not None:
                    rejected[id(function)] = f"after the fix, check would still report {hits[0].code}: {unparsable}"
                    continue
                rejected[id(function)] = f"after the fix, check would still report {hits[0].code}: {message}; fix it by hand"
        return rejected

    def _unparsable_reason(self, message: str) -> str | None:
        """For a verifier message that blames a source this Python cannot parse: the reason in the user's terms.

        The verifier's own words ("a source Python cannot parse at line 1 (...) can rebind it") point at a line that
        is not the problem (review AR2-5): name the syntax this Python lacks instead. None for any other message.
        """
        unparsable = compiles(self._source or b"") if "cannot parse" in message else None
        if unparsable is None:
            return None
        version = f"{sys.version_info[0]}.{sys.version_info[1]}"
        return (
            f"Python {version}, which runs thor-guard, cannot parse this file ({unparsable}; syntax newer than Python "
            f"{version}?), so the verifier cannot prove what the module binds; run thor-guard under the project's Python, "
            "or fix it by hand"
        )

    # -- building and checking -------------------------------------------------
    def _build(self, tree: cst.Module, active: frozenset[int]) -> cst.Module:
        self._plan.active = active
        self._enter = enclosing_ids(tree, active)
        return tree.visit(self)

    def _problem(self, new: cst.Module, source: bytes, original_compiles: bool) -> str | None:
        updated = self.generated_bytes(new)
        problems = format_problems(source, updated)
        if problems:
            return "; ".join(problems)
        return form_feed_problem(source, updated) or rewrite_problem(updated, original_compiles=original_compiles)

    def _build_checked(self, tree: cst.Module, source: bytes) -> cst.Module:
        """Build the rewrite; a function whose edit would break the module is left for a person, the others kept."""
        original_compiles = compiles(source) is None
        planned = frozenset(self._plan.functions)
        new = self._build(tree, planned)
        problem = self._problem(new, source, original_compiles)
        if problem is None:
            return new
        broken = {}
        for function_id in planned:
            alone = self._problem(self._build(tree, frozenset({function_id})), source, original_compiles)
            if alone is not None:
                broken[function_id] = alone
        if not broken:
            broken = dict.fromkeys(planned, problem)
        for function_id, reason in broken.items():
            self._unfix(function_id, _invalid(reason))
        kept = planned - set(broken)
        if kept:
            new = self._build(tree, kept)
            if self._problem(new, source, original_compiles) is None:
                return new
            for function_id in kept:
                self._unfix(function_id, _invalid(problem))
        self._plan.functions = {}
        return tree

    def _unfix(self, function_id: int, reason: str) -> None:
        index = self._outcome_of[function_id]
        outcome = self.outcomes[index]
        self.outcomes[index] = replace(outcome, action="needs-person", detail=reason)
        self._plan.functions.pop(function_id, None)
        self.warn(f"{outcome.qualname} (line {outcome.line}): needs a person: {reason}")

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:  # pragma: no cover - transform_module does the work
        return self.transform_module(tree)

    def on_visit(self, node: cst.CSTNode) -> bool:
        # Enter only the statements on the way to an active function (and the blocks between them): libcst
        # re-creates every node it enters, and a node not entered is kept as is (leave_* still runs on it).
        if not isinstance(node, _MAY_HOLD_DEF) or not (isinstance(node, GLUE) or id(node) in self._enter):
            return False
        return super().on_visit(node)

    # -- planning ------------------------------------------------------------
    def _plan_module(self, tree: cst.Module, targeted: list[tuple[int, str, cst.FunctionDef]], source: bytes) -> None:
        assert self._config is not None and self._module is not None
        wrapper = self.context.wrapper
        assert wrapper is not None
        path = Path(self.context.filename) if self.context.filename else None
        verifier_context = VerifierContext.from_config(
            self._config, module=self._module, path=path, resolver=self._helper_resolver(self._config), source=source
        )
        self._verifier_context = verifier_context
        self._tree, self._aliases, self._frame_alias_names = tree, None, None
        self._source = source
        self._source_for = self.context.filename
        positions = def_positions(source)
        if len(positions) < len(targeted) or (targeted and max(i for i, _, _ in targeted) >= len(positions)):
            positions = _libcst_def_positions(tree)  # this Python cannot parse the file (newer syntax): ask libcst
        global_scope = self.get_metadata(ScopeProvider, wrapper.module.body[0])
        assert global_scope is not None
        # a star importer gets every public name unless `__all__` is a fixed list (review AR4-8: a computed one
        # re-exports an added `import logging`); a module that lists its own namespace at import time computes
        # with every name it has, wherever its star importers are (apply review 18)
        private = not fixed_all(tree) and (reads_own_namespace(tree) or bool(star_importers(self._module, self._config.source_roots)))
        submodules = package_submodules(path) if path is not None else frozenset()
        bindings = ModuleBindings(tree, global_scope, self._qualified_names, source, private=private, submodules=submodules)
        length = project_line_length(self._config.project_root)
        indents = body_indents(tree, {id(function) for _, _, function in targeted})
        self._layout = {key: Layout(body_indent=value, line_length=length) for key, value in indents.items()}
        verdicts: list[tuple[FunctionVerdict, tuple[int, int]]] = []
        for index, qualname, function in targeted:
            line, column = positions[index] if index < len(positions) else (0, 0)
            try:
                verdict = verify_function(wrapper, function, qualname, verifier_context)
            except RecursionError:
                outcome = FunctionOutcome(line, column, qualname, "needs-person", ("TG009",), DEEP_NESTING)
                self.outcomes.append(outcome)
                self.warn(f"{qualname} (line {line}): needs a person: {DEEP_NESTING}")
                continue
            verdicts.append((verdict, (line, column)))
        # planning completes the shared scopes with the bindings libcst misses (codemods.compiler_locals):
        # every verdict is taken first, so the verifier sees the same scopes as `check` does
        self._completed_scopes = set()
        for verdict, where in verdicts:
            self._plan_function(verdict, bindings, where)

    def _frame_aliases(self) -> frozenset[str]:
        """The module's other names for ``locals``/``vars``/frame access (scanned once, only when the file mentions one)."""
        if self._frame_alias_names is None:
            aliased = may_alias_frame_reader(self._source or b"")  # a cheap byte test first: the scan walks the whole tree
            self._frame_alias_names = frame_reader_aliases(self._tree) if aliased else frozenset()
        return self._frame_alias_names

    def _environ_aliases(self) -> EnvironAliases:
        """The module's names for ``os.environ``, also those imported from project modules (scanned once, when needed)."""
        if self._aliases is None:
            self._aliases = self._environment_calls().aliases()
        return self._aliases

    def _environment_calls(self) -> EnvironmentCalls:
        """What the module's calls and imports may do to the environment (built once per module, when needed)."""
        assert self._config is not None and self._module is not None
        if self._env_calls is None or self._env_calls.module.tree is not self._tree:
            filename = self.context.filename
            is_package = filename is not None and Path(filename).name == "__init__.py"
            self._env_calls = EnvironmentCalls(self._module, self._tree, is_package, self._config.source_roots)
        return self._env_calls

    def _string_constant(self, name: str) -> str | None:
        """The string a module constant ``name`` is bound to (once, to a literal), or None."""
        if self._constants is None or self._constants[0] is not self._tree:
            self._constants = (self._tree, module_string_constants(self._tree))
        return self._constants[1].get(name)

    def _refuse_own_mode_write(self, statements: Sequence[cst.BaseStatement]) -> None:
        """Refuse a TG001 insert above the function's own write that may set the mode variable (AR3-21, AR4-6).

        ``os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")`` in the body is the function declaring its own
        default; the canonical guard above it would decide before that write, and the hosts relying on it would
        stop running the legacy body. A write counts unless every key it writes is *proven* to be another
        variable (a literal, or a module constant bound once to one: ``os.environ["DJANGO_SETTINGS_MODULE"]``);
        ``setdefault(MODE_VAR, ...)`` through a constant, ``update(DEFAULTS)``, ``os.environ |= ...``, ``putenv``
        with a computed key all count.
        """
        assert self._config is not None
        unproven: cst.CSTNode | None = None
        for part in statement_parts(statements):
            write = environment_write([part], self._qualified_names)  # type: ignore[list-item]
            if write is None:
                escape = self._environ_aliases().first_escape(part)
                if escape is None:
                    continue
                write, bare = escape
                if bare and not names_the_variable(write, self._config.env_var, self._string_constant):
                    # the mapping (or the os module) used as a value, e.g. a parameter named `os`: the write, if any,
                    # is elsewhere; only one that names the variable is surely the function's own default
                    continue
            if write_keys_proven_other(write, self._config.env_var, self._string_constant):
                continue
            if names_the_variable(write, self._config.env_var, self._string_constant):
                unproven = write
                break
            unproven = unproven or write
        if unproven is None:
            return
        code = _short_code(unproven)
        if names_the_variable(unproven, self._config.env_var, self._string_constant):
            lead = f"the function sets {self._config.env_var} itself ('{code}')"
        else:
            lead = f"the function writes os.environ ('{code}') with a key apply cannot prove is not {self._config.env_var}"
        raise Unresolvable(
            f"{lead}; the canonical guard above that write would decide before it, so the hosts that rely on it would "
            "change mode; fix it by hand"
        )

    def _refuse_logging_import_over_patches(self) -> None:
        """Refuse to add ``import logging`` to a module whose import changes the standard library first (hostile
        apply review 16, F1): the new import goes to the top import block, so logging would be imported before a
        project module the module imports stores on a module logging itself imports (``threading``, ``os``,
        ``time``…: gevent- or eventlet-style patching, ``threading.RLock = TracedRLock``) - and logging would keep
        the unpatched lock, in legacy mode too. ``sys`` is not counted: logging reads ``sys.stderr`` when it
        writes, not when it is imported. The stores come from the verifier's import walk (:meth:`~thor_guard.verifier.context.HelperResolver.patches_reaching`);
        a module-level bare call is :func:`codemods.bindings._module_level_call`'s."""
        if self._verifier_context is None or self._module is None:
            return
        patches = self._verifier_context.resolver.patches_reaching(self._module)
        captured = _logging_captures()
        for target, (path, line, text) in sorted(patches.items(), key=lambda item: (str(item[1][0]), item[1][1])):
            if target.split(".")[0].split("[")[0] in captured and not target.startswith((ENV_TARGET, IMPORT_SYSTEM_TARGET)):
                # a write of an environment variable or of the import system changes nothing logging holds
                shown = self._verifier_context.resolver.shown(path)
                raise Unresolvable(
                    f"the guard would add 'import logging' above imports whose modules change the standard library at import "
                    f"time ({shown}:{line}: '{text}'); logging imported first would not see that change, in legacy mode too; "
                    "import logging by hand"
                )

    def _refuse_mode_setting_calls(self, verdict: FunctionVerdict, statements: Sequence[cst.BaseStatement]) -> None:
        """Refuse a TG001 insert when a call or import of the body may set the mode variable one call away or more
        (hostile apply review 16, F4): ``_default_to_legacy()`` running ``os.environ.setdefault(MODE, "legacy")``,
        an environment loader (``load_dotenv()``, also through a module-level alias). The function's own writes are
        :meth:`_refuse_own_mode_write`'s. A write spelt on ``os.environ``/``environ`` (or ``os.putenv``) whose keys
        are not proven other variables counts (``setdefault(MODE, ...)``, a ``.env`` reader's ``os.environ[key] =
        value``); an alias of the mapping, the mapping handed on bare (``f(os.environ)``) and code deeper than the
        walk follows are assumed not to set it (docs/apply.md), or most functions calling project code would go
        to a person."""
        assert self._config is not None
        env_var = self._config.env_var
        constants: dict[int, dict[str, str]] = {}

        def sets_mode(write: cst.CSTNode, tree: cst.Module) -> bool:
            # a write spelt on the mapping (`os.environ[key] = value` in a .env reader, `setdefault(MODE, ...)`)
            # counts unless its keys are proven other variables
            if id(tree) not in constants:
                constants[id(tree)] = module_string_constants(tree)
            constant = constants[id(tree)].get
            return names_the_variable(write, env_var, constant) or not write_keys_proven_other(write, env_var, constant)

        entry_class = verdict.qualname.split(".")[-2] if "." in verdict.qualname else None
        setter = self._environment_calls().first_mode_setter(statements, entry_class, sets_mode)
        if setter is not None:
            raise Unresolvable(
                f"the function may set {env_var} through what it calls: {setter.reason}; the canonical guard above that "
                "call would decide before it, so the hosts that rely on it would change mode; fix it by hand"
            )

    def _refuse_jumped_over(self, verdict: FunctionVerdict, jumped: Sequence[cst.CSTNode], test: cst.CSTNode | None = None) -> str:
        """The one rule for code a new or moved guard jumps over: refuse if it may set the environment (review AR4).

        An existing heartbeat check reads the mode variable *after* ``jumped``; a guard put above it (moved, or
        the canonical one inserted) reads it before. If that code may write ``os.environ`` -- visibly, through an
        alias, in a call (``load_dotenv()`` under any alias, a project helper or method that sets it, a method
        apply cannot find), or in an import (the module and every package above it run:
        :mod:`codemods.environ_calls`) -- the guard would decide on another value (review AR3-3). Every edit
        path asks this of the code it jumps over (:func:`codemods.jumped_over.jumped_over`). Returns a note
        naming the calls whose code is not the project's (the assumption covers them), or "".
        ``test`` is the existing check's condition: a call in it runs before its read of the variable, so it may
        not set the environment either (it is not named in the note: it reads the variable).
        """
        assert self._config is not None
        jumped = [*jumped, *([test] if test is not None else [])]
        if not jumped:
            return ""
        write = environment_write(jumped, self._qualified_names) or may_write_environ(jumped, self._tree, self._environ_aliases)  # type: ignore[arg-type]
        if write is not None:
            raise Unresolvable(
                f"the code before the existing heartbeat check may write os.environ ('{_short_code(write)}') and so set "
                f"{self._config.env_var} itself; a guard above it would decide on another value; move it by hand"
            )
        entry_class = verdict.qualname.split(".")[-2] if "." in verdict.qualname else None
        calls = self._environment_calls()
        setter = calls.first_setter(jumped, entry_class)
        if setter is not None:
            raise Unresolvable(
                f"the existing heartbeat check reads {self._config.env_var} after code that may set it: {setter.reason}; "
                "a guard above that code would decide on another value (a .env file may set the mode); fix it by hand"
            )
        unknown = calls.unknown_calls(jumped[: len(jumped) - (test is not None)], entry_class)
        if not unknown:
            return ""
        code = _short_code(unknown[0], 50)
        more = f" and {len(unknown) - 1} other call{'s' if len(unknown) > 2 else ''}" if len(unknown) > 1 else ""
        return (
            f"; the guard now reads {self._config.env_var} before '{code}'{more}, whose code is not the project's: "
            "apply assumes they do not set it"
        )

    def _refuse_above_check(self, verdict: FunctionVerdict, statements: Sequence[cst.BaseStatement], first: int, guard_index: int | None = None) -> str:
        """:meth:`_refuse_jumped_over` for a guard put first in the body, above the existing check.

        The check is the verifier's (in ``statements[guard_index]``, nested or not), or for TG001 (None) the first
        ``if`` that names the variable or a mode value, which the verifier stopped before (review AR4-2).
        """
        assert self._config is not None
        values = (self._config.heartbeat_value, self._config.legacy_value)
        if guard_index is None:
            found = first_mode_check(statements, first, self._config.env_var, values)
            if found is None:
                return ""
        else:
            found = first_mode_check(statements[: guard_index + 1], guard_index, self._config.env_var, values)
            found = found or (guard_index, statements[guard_index])
        index, check = found
        test = check.test if isinstance(check, (cst.If, cst.While)) else None
        return self._refuse_jumped_over(verdict, jumped_over(statements, first, index, check), test)

    def _helper_resolver(self, config: Config) -> HelperResolver:
        """One resolver per configuration for this command, reading helper modules through a skeleton."""
        if self._resolver is None or self._resolver[0] is not config:
            resolver = HelperResolver(
                tuple(config.source_roots),
                frozenset(f"{t.module}.{t.qualname}" for t in config.guard_helpers),
                outline=helper_outline,
            )
            self._resolver = (config, resolver)
        return self._resolver[1]

    def _qualified_names(self, node: cst.CSTNode) -> set[str]:
        """What ``QualifiedNameProvider`` would give for ``node``, as strings, without its whole-module pass.

        The provider maps every node that has a scope to
        ``scope.get_qualified_names_for(node)`` (evaluated lazily) and every
        other node to the empty set; this asks the same question for one node.
        """
        return qualified_names_from_scope(self.get_metadata(ScopeProvider, node, None), node)

    def _record(self, verdict: FunctionVerdict, where: tuple[int, int], action: str, codes: Sequence[str], detail: str) -> None:
        fixed = action == "fixed"
        outcome = FunctionOutcome(
            line=where[0],
            column=where[1],
            qualname=verdict.qualname,
            action="fixed" if fixed else "needs-person",
            codes=tuple(sorted(codes)),
            detail=detail,
            note=detail if fixed and detail not in PLAIN_FIXES else "",
        )
        if outcome.action == "fixed":
            self._outcome_of[id(verdict.function)] = len(self.outcomes)
        self.outcomes.append(outcome)
        if outcome.action == "needs-person":
            self.warn(f"{verdict.qualname} (line {outcome.line}): needs a person: {detail}")

    def _plan_function(self, verdict: FunctionVerdict, bindings: ModuleBindings, where: tuple[int, int]) -> None:
        hits = [hit for hit in verdict.hits if hit.code not in verdict.suppressed]
        codes = {hit.code for hit in hits}
        self._codes_before[id(verdict.function)] = frozenset(codes)
        considered = codes if self.select is None else codes & self.select
        blocking = codes - FIXABLE
        if blocking:
            reported = sorted(blocking if self.select is None else blocking & (self.select | {"TG000"}))
            if reported:
                reasons = [self._unparsable_reason(hit.message) or hit.message for hit in hits if hit.code in reported]
                self._record(verdict, where, "needs-person", reported, "; ".join(dict.fromkeys(reasons)))
            elif considered:
                # `--select TG001` on a function whose entry point is TG009 (a duplicate def, a star import): the
                # selected finding is not fixed, so it is reported, with the finding that blocks it (review AR3-2)
                blocker = next(hit for hit in hits if hit.code in blocking)
                reason = self._unparsable_reason(blocker.message) or blocker.message
                self._record(verdict, where, "needs-person", sorted(considered), f"blocked by {blocker.code}: {reason}")
            return
        if not considered:
            return
        try:
            plan, detail = self._edit(verdict, considered, bindings)
        except Unresolvable as exc:
            self._record(verdict, where, "needs-person", sorted(considered), str(exc))
            return
        self._plan.functions[id(verdict.function)] = plan
        self._record(verdict, where, "fixed", sorted(considered), detail)

    def _function_scope(self, function: cst.FunctionDef) -> Scope:
        body = function.body
        anchor: cst.CSTNode = body.body[0] if isinstance(body, cst.SimpleStatementSuite) else body
        scope = self.get_metadata(ScopeProvider, anchor)
        assert scope is not None
        wrapper = self.context.wrapper
        assert wrapper is not None
        complete_scope(scope, wrapper.module, self._completed_scopes)
        return scope

    def _spec(self, verdict: FunctionVerdict, local_name: str, env_call: str, logger: str = "", exit_source: str = "return", **extra: bool) -> GuardSpec:
        assert self._config is not None
        return GuardSpec(
            env_call=env_call,
            env_var=self._config.env_var,
            heartbeat_value=self._config.heartbeat_value,
            local_name=local_name,
            logger_name=logger,
            log_level=self._config.log_level,
            qualname=verdict.qualname,
            exit_statement=exit_source,
            encoding=self._tree.encoding,
            **extra,
        )

    def _generator_kind(self, function: cst.FunctionDef) -> bool:
        """True for a ``@contextmanager`` generator (its guard must yield once); raises for an unknown decorated generator."""
        if not is_generator(function):
            return False
        names = [self._qualified_names(decorator.decorator) for decorator in function.decorators]
        if any(n & _CONTEXT_MANAGERS for n in names):
            return True
        if _wrapped_as_context_manager(self._tree, function.name.value):
            # `session = contextlib.contextmanager(_session)`: the decorator by another spelling (review AR2-11); the
            # verifier must see it so too (its own scope, a proven contextmanager), or it takes the inserted `yield`
            # for an effect of a plain generator (review AR3-5)
            wrapper = self.context.wrapper
            if wrapper is not None and self._verifier_context is not None and is_context_manager(wrapper, function, self._verifier_context):
                return True
            raise Unresolvable(
                f"a call contextmanager(...) in this module passes a '{function.name.value}' that thor-guard cannot prove is this "
                "generator (another object of that name, or a wrapping built inside a function): if it is, a heartbeat-mode "
                "'with' needs it to yield once first, and a plain iteration needs it not to; for a person to decide"
            )
        if _maybe_wrapped_by_alias(self._tree, function.name.value):
            raise Unresolvable(
                f"this module uses contextmanager and passes a '{function.name.value}' to another call, which may be contextmanager "
                "under another name: if it wraps this generator, a heartbeat-mode 'with' needs it to yield once first, and a "
                "plain iteration needs it not to; for a person to decide"
            )
        elsewhere = wrapping_modules(function.name.value, self._config.source_roots, self._module) if self._config is not None else ()
        if elsewhere:
            raise Unresolvable(
                f"the module {elsewhere[0]} uses contextmanager and passes a '{function.name.value}' to a call (contextmanager(...) "
                "or a name for it): if it is this generator, a heartbeat-mode 'with' needs it to yield once first, and a plain "
                "iteration needs it not to; for a person to decide"
            )
        transparent = _TRANSPARENT | set(self._config.transparent_decorators if self._config is not None else ())
        unknown = [d for d, n in zip(function.decorators, names) if not n & transparent]
        if unknown:
            code = cst.Module(body=[]).code_for_node(unknown[0].decorator)
            raise Unresolvable(
                f"a generator decorated with '@{code}': whether its caller needs it to yield is unknown, so what 'exit at once' means is for a person to decide"
            )
        return False

    def _edit(self, verdict: FunctionVerdict, codes: set[str], bindings: ModuleBindings) -> tuple[_FunctionPlan, str]:
        assert self._config is not None
        function = verdict.function
        statements = list(body_statements(function))
        first = after_docstring(function)
        scope = self._function_scope(function)
        parser_config = self._module_config()
        if "TG001" in codes:
            self._refuse_own_mode_write(statements[first:])
            self._refuse_mode_setting_calls(verdict, statements[first:])
            # a check the verifier stopped before (after a 'with', an unknown call, `from config import MODE`)
            # still decides on what the code before it did to the environment (review AR4-2)
            assumed = self._refuse_above_check(verdict, statements, first)
            view = function_scope_view(scope, statements, first)
            return self._insert(verdict, statements, first, view, bindings, parser_config, "inserted the canonical guard", tail=assumed)
        if verdict.guard_index is None:
            raise Unresolvable("the verifier found no guard statement to repair")
        guard_index = verdict.guard_index + (1 if docstring_split(function) else 0)
        if guard_index >= len(statements):
            raise Unresolvable("the verifier found no guard statement to repair")
        if self._generator_kind(function):
            # a @contextmanager whose heartbeat check returns without yielding makes every heartbeat-mode `with`
            # raise "generator didn't yield", moved or not (review AR3-17), and a branch that yields cannot be
            # moved: the canonical guard above yields once first and falls through in legacy mode, where the old
            # check still decides as before
            view = function_scope_view(scope, statements, first)
            guard_statement = statements[guard_index]
            if any(has_yield(statement) for statement in statements[first:guard_index]):
                how = "comes after a 'yield' and cannot move above it"
            else:
                how = "yields in its branch" if has_yield(guard_statement) else "returns without yielding"
            detail = f"inserted the canonical guard above the existing heartbeat check, which {how}"
            assumed = self._refuse_above_check(verdict, statements, first, guard_index)
            return self._insert(verdict, statements, first, view, bindings, parser_config, detail, tail=assumed)
        statement = statements[guard_index]
        check_reads = (
            mode_variables_read(statement.test, statements, guard_index, scope, self._qualified_names)
            if isinstance(statement, cst.If)
            else []
        )
        if not check_reads:
            # the heartbeat check sits inside a loop, a 'try', a 'with' or an 'if' that reads no environment
            # variable (`if ENABLED:`, `if force: ... elif <check>:`, review AR3-10):
            # it cannot move, but the canonical guard above everything falls through in legacy mode, so legacy
            # behaviour is kept (what a TG001 insert relies on too) -- unless the code above the check may set
            # the environment; its exit reuses the nested check's value (codemods.contract)
            kind = type(statement).__name__.lower()
            article = "an" if kind[0] in "aeiou" else "a"
            assumed = self._refuse_above_check(verdict, statements, first, guard_index)
            view = function_scope_view(scope, statements, first)
            detail = f"inserted the canonical guard above the existing heartbeat check, which is nested in {article} '{kind}' statement and cannot be moved"
            return self._insert(verdict, statements, first, view, bindings, parser_config, detail, tail=assumed)
        rewritten = bool(codes & REWRITE)
        if rewritten or "TG002" in codes:
            # a rewrite drops the old condition, so it must read nothing else; a move alone keeps it, so it must
            # fall through in legacy mode whatever else holds: read exactly the mode variable, with no other
            # finding about it (review AR3-4: `... == "heartbeat" or os.environ.get("KILL")`, a misspelt
            # variable under `--select TG002`, a module flag `DRY_RUN or ...` would exit in legacy mode)
            other = condition_reads_only_mode(
                statement.test,  # type: ignore[attr-defined]
                statements, guard_index, scope, self._qualified_names,
                self._config.env_var, self._config.stale_flags, exact=not rewritten,
            )
            unsure = sorted(self._codes_before.get(id(function), frozenset()) & REWRITE) if not rewritten else []
            if other is None and unsure:
                other = f"a condition check reports as {', '.join(unsure)} (not selected)"
            if other is not None:
                assumed = self._refuse_above_check(verdict, statements, first, guard_index)
                view = function_scope_view(scope, statements, first)
                if rewritten:
                    detail = f"inserted the canonical guard above the existing condition, which reads {other} and is kept as it is"
                else:
                    detail = (
                        f"inserted the canonical guard above the existing heartbeat check, which reads {other} and so may "
                        "exit in legacy mode too: it is kept where it is"
                    )
                return self._insert(verdict, statements, first, view, bindings, parser_config, detail, tail=assumed)
        guard = exiting_if(statements[guard_index])
        frame = frame_reader(function, self._frame_aliases())
        new_statements: list[cst.BaseStatement] = [guard]
        removed: list[int] = []
        view = function_scope_view(scope, statements, first, upto=guard_index)
        imports: set[str] = set()
        migrated = ""
        if rewritten:
            old_variables = [
                v for v in dict.fromkeys(mode_variables_read(guard.test, statements, guard_index, scope, self._qualified_names))
                if v != self._config.env_var
            ]
            if old_variables:
                # a deliberate change of legacy behaviour (docs/apply.md, Limits): say so (review AR3-15)
                migrated = (
                    f"; the old condition read {', '.join(old_variables)}, the new one reads {self._config.env_var}: "
                    "in legacy mode the body now runs where the old check exited"
                )
            reader = bindings.env_reader(view)
            inline = frame is not None
            spec = self._spec(verdict, "" if inline else choose_local_name(function), reader.call, inline=inline)
            test_whitespace = guard.whitespace_before_test
            if isinstance(test_whitespace, cst.SimpleWhitespace) and not test_whitespace.value:
                test_whitespace = cst.SimpleWhitespace(" ")
            carried = carried_comments(guard.test)
            if inline:
                new_statements = [
                    guard.with_changes(
                        test=mode_condition(spec), whitespace_before_test=test_whitespace, leading_lines=(*guard.leading_lines, *carried)
                    )
                ]
            else:
                layout = self._layout.get(id(function), Layout())
                assignment = mode_assignment(spec, parser_config, layout).with_changes(leading_lines=(*guard.leading_lines, *carried))
                new_guard = guard.with_changes(test=mode_condition(spec), leading_lines=(), whitespace_before_test=test_whitespace)
                new_statements = [assignment, new_guard]
                removed = removable_feeders(statements, guard.test, guard_index, function.body, scope)
            if reader.import_line:
                imports.add(reader.import_line)
        if "TG002" in codes:
            if frame is not None:
                raise Unresolvable(f"the function reads its own locals ({frame}), so moving the guard's bindings could change what it sees")
            assumed = self._refuse_above_check(verdict, statements, first, guard_index)
            reads = [name for statement in new_statements[:-1] for name in loaded_names(statement)]
            plan = plan_move(
                statements, new_statements[-1], guard_index, first, scope, extra_reads=reads, unstable_globals=frozenset(bindings.unstable)
            )
            dependencies = [i for i in plan.moved if i != guard_index and i not in removed]
            rest: list[BodyItem] = [i for i in range(first, len(statements)) if i not in plan.moved and i not in removed]
            new_statements, rest = _leave_earlier_comments(guard, new_statements, rest, statements, guard_index)
            items: list[BodyItem] = [*range(first), *dependencies, *new_statements, *rest]
            jumped = [i for i in range(first, guard_index) if i not in plan.moved and i not in removed]
            above = ""
            if jumped:
                # a move reorders the user's code: the note says over what (review AR3-15)
                code = " ".join(cst.Module([]).code_for_node(statements[jumped[0]]).split())
                code = code if len(code) <= 50 else code[:47] + "..."
                more = f" and {len(jumped) - 1} more statement{'s' if len(jumped) > 2 else ''}" if len(jumped) > 1 else ""
                above = f" (above '{code}'{more})"
            detail = "moved the guard to the top" + above + (" and rewrote its condition to the canonical one" if rewritten else "")
            detail += migrated + assumed
            return _FunctionPlan(verdict.qualname, items, frozenset(imports)), detail
        items = []
        for index in range(len(statements)):
            if index in removed:
                continue
            if index == guard_index:
                items.extend(new_statements)
            else:
                items.append(index)
        detail = "rewrote the guard's condition to the canonical one, keeping its log call and exit" + migrated
        return _FunctionPlan(verdict.qualname, items, frozenset(imports)), detail

    def _insert(
        self,
        verdict: FunctionVerdict,
        statements: list[cst.BaseStatement],
        first: int,
        view: FunctionScopeView,
        bindings: ModuleBindings,
        parser_config: cst.PartialParserConfig,
        detail: str,
        *,
        tail: str = "",
    ) -> tuple[_FunctionPlan, str]:
        """Plan the canonical guard first in the body; ``detail`` says why, ``tail`` (an assumption) ends the note."""
        function = verdict.function
        assert self._config is not None
        # first: it may refuse, before any name is reserved
        exit_source = exit_statement(function, self._config.env_var, self._config.heartbeat_value, self._tree)
        frame = frame_reader(function, self._frame_aliases())
        inline = frame is not None
        local_name = "" if inline else choose_local_name(function)
        reader = bindings.env_reader(view)
        yield_first = self._generator_kind(function)
        logger = bindings.logger(view)
        if logger.import_line is not None:
            self._refuse_logging_import_over_patches()
        spec = self._spec(verdict, local_name, reader.call, logger.name, exit_source, inline=inline, yield_first=yield_first)
        assignment, guard = canonical_guard(spec, parser_config, self._layout.get(id(function), Layout()))
        at = first if reader.after_index is None else max(first, reader.after_index + 1)
        new = [assignment, guard] if assignment is not None else [guard]
        items: list[BodyItem] = [*range(at), *new, *range(at, len(statements))]
        imports = frozenset(line for line in (reader.import_line, logger.import_line) if line)
        if inline:
            detail += f" (reading the variable in the condition: the function reads its own locals with {frame})"
        if yield_first:
            detail += " (yielding once first: a @contextmanager must yield)"
        detail += exit_note(function, exit_source, self._config.env_var, self._config.heartbeat_value)
        plan = _FunctionPlan(verdict.qualname, items, imports)
        return plan, detail + tail

    def _module_config(self) -> cst.PartialParserConfig:
        wrapper = self.context.wrapper
        assert wrapper is not None
        return module_parser_config(wrapper.module)

    # -- rewriting -------------------------------------------------------------
    def leave_FunctionDef(self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef) -> cst.FunctionDef:
        if id(original_node) not in self._plan.active:
            return updated_node
        plan = self._plan.functions.get(id(original_node))
        if plan is None:
            return updated_node
        return rebuild_body(updated_node, plan.items)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        active = [self._plan.functions[i] for i in self._plan.active if i in self._plan.functions]
        imports = sorted({line for plan in active for line in plan.imports})
        if not imports:
            return updated_node
        config = module_parser_config(updated_node)
        return updated_node.with_changes(body=with_imports(updated_node.body, imports, config))


def _string_list(node: cst.BaseExpression) -> bool:
    return isinstance(node, (cst.List, cst.Tuple)) and all(
        isinstance(element, cst.Element) and isinstance(element.value, cst.SimpleString) for element in node.elements
    )


def fixed_all(module: cst.Module) -> bool:
    """``__all__`` is a fixed export list: bound once at the top level, unconditionally, to literal strings.

    ``__all__ += [...]`` of literals may follow; any other binding (a comprehension, a call, one under ``if`` or
    ``try``, a second assignment, a ``del``) leaves what a star import takes unknown.
    """
    bound = 0
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            if "__all__" in cst.Module([]).code_for_node(statement):
                return False  # bound or changed under a condition, a loop, a def...
            continue
        for small in statement.body:
            if isinstance(small, cst.Expr) and isinstance(small.value, (cst.SimpleString, cst.ConcatenatedString)):
                continue  # a docstring
            code = cst.Module([]).code_for_node(small)
            if "__all__" not in code:
                continue
            if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name) \
                    and small.targets[0].target.value == "__all__" and _string_list(small.value) and not bound:
                bound += 1
            elif isinstance(small, cst.AugAssign) and isinstance(small.target, cst.Name) and small.target.value == "__all__" \
                    and isinstance(small.operator, cst.AddAssign) and _string_list(small.value) and bound:
                continue
            else:
                return False
    return bound == 1


def _short_code(node: cst.CSTNode, limit: int = 60) -> str:
    """``node``'s code on one line, cut at ``limit`` characters (for a note)."""
    code = " ".join(cst.Module([]).code_for_node(node).split())
    return code if len(code) <= limit else code[: limit - 3] + "..."


def _invalid(reason: str) -> str:
    """The "needs a person" reason for a rewrite the checks of :meth:`SchedulerGuardCommand._problem` refused."""
    return reason if reason == FORM_FEED else f"the rewrite would not be valid Python ({reason}); fix it by hand"


def _leave_earlier_comments(
    guard: cst.If,
    new_statements: list[cst.BaseStatement],
    rest: list[BodyItem],
    statements: Sequence[cst.BaseStatement],
    guard_index: int,
) -> tuple[list[cst.BaseStatement], list[BodyItem]]:
    """Keep with a moved guard only the comment lines right above it (after the last blank line).

    libcst gives a statement every comment and blank line before it; a paragraph separated from the guard by
    a blank line belongs to the code before it (a commented-out legacy step, "end of setup"), and moved to the
    top it would sit above the guard, where re-enabling the step would run it in heartbeat mode (review
    AR3-14). That paragraph, and the blank line that separated it, stay where they were: above the statement
    that followed the guard.
    """
    leading = list(guard.leading_lines)
    blanks = [i for i, line in enumerate(leading) if line.comment is None]
    following = guard_index + 1
    if not blanks or following not in rest:
        return new_statements, rest
    leave = leading[: blanks[-1] + 1]
    head = new_statements[0]
    if tuple(head.leading_lines[: len(leave)]) != tuple(leave):
        return new_statements, rest
    moved = [head.with_changes(leading_lines=head.leading_lines[len(leave):]), *new_statements[1:]]
    after = statements[following]
    at = rest.index(following)
    kept = [*rest[:at], after.with_changes(leading_lines=(*leave, *after.leading_lines)), *rest[at + 1 :]]
    return moved, kept


class _ContextManagerCalls(cst.CSTVisitor):
    """Names passed to ``contextmanager(...)``/``asynccontextmanager(...)`` anywhere in a module."""

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.passed: set[str] = set()
        """Names passed first to any other call (``cm(_session)``: ``cm`` may be an alias of contextmanager)."""
        self.mentions = False
        """The module spells ``contextmanager``/``asynccontextmanager`` somewhere (an import, an alias)."""

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in ("contextmanager", "asynccontextmanager"):
            self.mentions = True

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        called = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
        if node.args:
            argument = node.args[0].value
            name = argument.value if isinstance(argument, cst.Name) else argument.attr.value if isinstance(argument, cst.Attribute) else None
            if name is not None:
                # contextmanager(Worker._session) (review AR3-5)
                (self.names if called in ("contextmanager", "asynccontextmanager") else self.passed).add(name)


@lru_cache(maxsize=None)
def _logging_captures() -> frozenset[str]:
    """Standard-library modules whose objects ``import logging`` takes at import time (its import closure, read from
    the interpreter's source), without ``sys``."""
    from thor_guard.verifier.stdlib_closure import import_closure

    return frozenset(name.split(".")[0] for name in import_closure("logging")) - {"sys", "logging", "builtins"}


def _wrapped_as_context_manager(module: cst.Module, name: str) -> bool:
    """Some call in ``module`` passes the name ``name`` to ``contextmanager``/``asynccontextmanager`` (by spelling)."""
    finder = _ContextManagerCalls()
    module.visit(finder)
    return name in finder.names


def _maybe_wrapped_by_alias(module: cst.Module, name: str) -> bool:
    """``module`` mentions ``contextmanager`` and passes the name ``name`` first to some other call: that callee may
    be contextmanager under another name (``cm = contextlib.contextmanager; session = cm(_session)``, hostile apply
    review 16, F2)."""
    finder = _ContextManagerCalls()
    module.visit(finder)
    return finder.mentions and name in finder.passed


def qualified_names_from_scope(scope: Scope | None, node: cst.CSTNode) -> set[str]:
    """``QualifiedNameProvider``'s answer for ``node`` as strings, given ``node``'s ``ScopeProvider`` value.

    The provider stores ``scope.get_qualified_names_for(node)`` for a node
    with a (truthy) scope and the empty set for any other node; this is that
    expression, for one node, without the provider's pass over the module.
    """
    if not scope:
        return set()
    return {qn.name for qn in scope.get_qualified_names_for(node)}


_MAY_HOLD_DEF = (
    cst.Module,
    cst.IndentedBlock,
    cst.ClassDef,
    cst.FunctionDef,
    cst.If,
    cst.Else,
    cst.Try,
    cst.TryStar,
    cst.ExceptHandler,
    cst.ExceptStarHandler,
    cst.Finally,
    cst.With,
    cst.For,
    cst.While,
    cst.Match,
    cst.MatchCase,
)
"""Nodes whose children can contain a ``def``; the walk never enters anything else."""


_LINE_REFERENCE = re.compile(r"\bline (\d+)\b")


def original_line_numbers(message: str, before: bytes, after: bytes) -> str:
    """``message`` about the rewritten module with its ``line N`` references turned into the user's file's lines.

    The rewrite that was checked is discarded, so its line numbers (shifted
    by the imports and guards it added) point nowhere in the file; a line the
    rewrite added is named as such (review RA-4).
    """
    if not _LINE_REFERENCE.search(message):
        return message
    import difflib

    old_lines, new_lines = before.splitlines(), after.splitlines()
    mapping: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        if tag == "equal":
            mapping.update({j1 + k + 1: i1 + k + 1 for k in range(j2 - j1)})
        elif tag == "replace":
            # a one-line `def f(): ...` the fix split into a block: its header line is the start of the old line
            # (review AR2-9); any other rewritten line stays "a line the fix would add"
            for j in range(j1, j2):
                head = new_lines[j].rstrip()
                if head:
                    old = next((i for i in range(i1, i2) if old_lines[i].startswith(head)), None)
                    if old is not None:
                        mapping[j + 1] = old + 1

    def replace(match: re.Match[str]) -> str:
        original = mapping.get(int(match.group(1)))
        return f"line {original}" if original is not None else "a line the fix would add"

    return _LINE_REFERENCE.sub(replace, message)


def _libcst_def_positions(tree: cst.Module) -> list[tuple[int, int]]:
    """``(line, column)`` (1-based) of each ``def``'s name in :func:`walk_functions` order, from libcst's positions.

    Used only when Python's parser rejects the file (syntax newer than the
    running interpreter), where :func:`def_positions` knows nothing: an
    outcome at ``0:0`` would point nowhere (review RA-7).
    """
    from libcst.metadata import PositionProvider

    wrapper = MetadataWrapper(tree, unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)
    found: list[tuple[int, int]] = []
    for _, function in walk_functions(tree):
        start = positions[function.name].start
        found.append((start.line, start.column + 1))
    return found
