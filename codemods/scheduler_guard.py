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
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import libcst as cst
from libcst.codemod import CodemodContext, SkipFile, VisitorBasedCodemodCommand
from libcst.metadata import MetadataWrapper, QualifiedNameProvider, Scope, ScopeProvider

from codemods.bindings import (
    FunctionScopeView,
    LoggerChoice,
    ModuleBindings,
    Unresolvable,
    choose_local_name,
    function_scope_view,
)
from codemods.body import (
    BodyItem,
    after_docstring,
    body_statements,
    is_docstring,
    is_simple_import,
    rebuild_body,
)
from codemods.canonical import (
    GuardSpec,
    canonical_guard,
    mode_assignment,
    mode_condition,
)
from codemods.contract import exit_statement
from codemods.guard_edit import exiting_if, loaded_names, plan_move, removable_feeders
from codemods.outcome import FunctionOutcome
from thor_guard.verifier.skeleton import def_positions, helper_outline, skeleton, walk_functions
from thor_guard.config import Config, find_pyproject, load_config
from thor_guard.rules import parse_codes
from thor_guard.targets import Target, is_excluded, module_name_for
from thor_guard.verifier import (
    FunctionVerdict,
    HelperResolver,
    VerifierContext,
    verify_function,
)

FIXABLE = frozenset({"TG001", "TG002", "TG003", "TG004", "TG007"})
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
class _ModulePlan:
    """Edits decided for one module: new bodies per function, and module-level additions."""

    bodies: dict[int, list[BodyItem]] = field(default_factory=dict)
    import_os: bool = False
    logger: LoggerChoice | None = None


class SchedulerGuardCommand(VisitorBasedCodemodCommand):
    """Insert, move or repair THOR_SCHEDULER_MODE guards in manifest entry points."""

    DESCRIPTION = "Insert, move or repair THOR_SCHEDULER_MODE guards in the entry points of [tool.thor-guard]."
    METADATA_DEPENDENCIES = (ScopeProvider, QualifiedNameProvider)
    """What the verifier and the name checks read; anything else in ``REQUIRED_METADATA`` (positions)
    is resolved lazily by the wrapper if the verifier ever asks, and positions of a skeleton are not the file's."""

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
        self.outcomes: list[FunctionOutcome] = []
        """What happened to each targeted function that was not already clean (reset per module)."""
        self.targets_seen: set[Target] = set()
        """Targets that matched at least one function in the last module (``apply`` derives TG008 from them)."""
        self._config: Config | None = None
        self._module: str | None = None
        self._targets: tuple[Target, ...] = ()
        self._plan = _ModulePlan()
        self._source: bytes | None = None
        self._resolver: tuple[Config, HelperResolver] | None = None

    def retarget(self, filename: str, module: str | None, source: bytes | None = None) -> None:
        """Reuse this command for another file (building a libcst transformer is costly: ~30 ms).

        ``source`` is the file's bytes when the caller has them; line numbers
        are then read from them instead of regenerating the code.
        """
        self.context = CodemodContext(filename=filename, full_module_name=module)
        self._given_module = module
        self._source = source

    # -- set-up ------------------------------------------------------------
    def _resolve_module(self) -> None:
        filename = self.context.filename
        path = Path(filename) if filename else None
        if self._given_config is not None:
            config = self._given_config
        elif path is not None:
            config = config_for_file(path, self._config_file)
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
        self._targets = tuple(t for t in config.entry_points if t.matches_module(module))
        if not self._targets:
            raise SkipFile("no entry point of the manifest lives in this module")

    def transform_module(self, tree: cst.Module) -> cst.Module:
        """Plan fixes for the module's targeted functions and apply them; return ``tree`` itself when none.

        Unlike the base class, metadata is resolved on a skeleton of the
        module (see :mod:`thor_guard.verifier.skeleton`) without deep-copying it, and the
        full tree is walked only when something changes, and then only
        through statements that can hold a ``def``: on a large file this is
        nearly all the cost of a codemod run.
        """
        self.outcomes = []
        self.targets_seen = set()
        self._plan = _ModulePlan()
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
        outline = skeleton(tree, {id(function) for _, _, function in targeted})
        wrapper = MetadataWrapper(outline, unsafe_skip_copy=True)
        with self.resolve(wrapper):
            self.context = replace(self.context, wrapper=wrapper)
            try:
                self._plan_module(tree, targeted)
            finally:
                self.context = replace(self.context, wrapper=None)
        if not self._plan.bodies:
            return tree
        return tree.visit(self)

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:  # pragma: no cover - transform_module does the work
        return self.transform_module(tree)

    def on_visit(self, node: cst.CSTNode) -> bool:
        if not isinstance(node, _MAY_HOLD_DEF):
            return False
        return super().on_visit(node)

    # -- planning ------------------------------------------------------------
    def _plan_module(self, tree: cst.Module, targeted: list[tuple[int, str, cst.FunctionDef]]) -> None:
        assert self._config is not None and self._module is not None
        wrapper = self.context.wrapper
        assert wrapper is not None
        path = Path(self.context.filename) if self.context.filename else None
        verifier_context = VerifierContext.from_config(
            self._config, module=self._module, path=path, resolver=self._helper_resolver(self._config), source=self._source
        )
        positions = def_positions(self._source if self._source is not None else tree.code)
        global_scope = self.get_metadata(ScopeProvider, wrapper.module.body[0])
        assert global_scope is not None
        bindings = ModuleBindings(tree, global_scope, self._qualified_names, self._source)
        for index, qualname, function in targeted:
            verdict = verify_function(wrapper, function, qualname, verifier_context)
            line, column = positions[index] if index < len(positions) else (0, 0)
            self._plan_function(verdict, bindings, (line, column))

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
        return {qn.name for qn in self.get_metadata(QualifiedNameProvider, node, set())}

    def _record(self, verdict: FunctionVerdict, where: tuple[int, int], action: str, codes: Sequence[str], detail: str) -> None:
        outcome = FunctionOutcome(
            line=where[0],
            column=where[1],
            qualname=verdict.qualname,
            action="fixed" if action == "fixed" else "needs-person",
            codes=tuple(sorted(codes)),
            detail=detail,
        )
        self.outcomes.append(outcome)
        if outcome.action == "needs-person":
            self.warn(f"{verdict.qualname} (line {outcome.line}): needs a person: {detail}")

    def _plan_function(self, verdict: FunctionVerdict, bindings: ModuleBindings, where: tuple[int, int]) -> None:
        hits = [hit for hit in verdict.hits if hit.code not in verdict.suppressed]
        codes = {hit.code for hit in hits}
        considered = codes if self.select is None else codes & self.select
        blocking = codes - FIXABLE
        if blocking:
            reported = sorted(blocking if self.select is None else blocking & (self.select | {"TG000"}))
            if reported:
                reasons = [hit.message for hit in hits if hit.code in reported]
                self._record(verdict, where, "needs-person", reported, "; ".join(reasons))
            return
        if not considered:
            return
        try:
            items, detail = self._edit(verdict, considered, bindings)
        except Unresolvable as exc:
            self._record(verdict, where, "needs-person", sorted(considered), str(exc))
            return
        self._plan.bodies[id(verdict.function)] = items
        self._record(verdict, where, "fixed", sorted(considered), detail)

    def _function_scope(self, function: cst.FunctionDef) -> Scope:
        body = function.body
        anchor: cst.CSTNode = body.body[0] if isinstance(body, cst.SimpleStatementSuite) else body
        scope = self.get_metadata(ScopeProvider, anchor)
        assert scope is not None
        return scope

    def _spec(self, verdict: FunctionVerdict, local_name: str, env_call: str, logger: str = "", exit_source: str = "return") -> GuardSpec:
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
        )

    def _edit(self, verdict: FunctionVerdict, codes: set[str], bindings: ModuleBindings) -> tuple[list[BodyItem], str]:
        function = verdict.function
        statements = list(body_statements(function))
        first = after_docstring(function)
        scope = self._function_scope(function)
        parser_config = self._module_config()
        if "TG001" in codes:
            view = function_scope_view(scope, statements, first)
            return self._insert(verdict, statements, first, view, bindings, parser_config)
        if verdict.guard_index is None or verdict.guard_index >= len(statements):
            raise Unresolvable("the verifier found no guard statement to repair")
        guard_index = verdict.guard_index
        guard = exiting_if(statements[guard_index])
        new_statements: list[cst.BaseStatement] = [guard]
        removed: list[int] = []
        view = function_scope_view(scope, statements, first, upto=guard_index)
        rewritten = bool(codes & REWRITE)
        if rewritten:
            reader = bindings.env_reader(view)
            spec = self._spec(verdict, choose_local_name(function), reader.call)
            assignment = mode_assignment(spec, parser_config).with_changes(leading_lines=guard.leading_lines)
            test_whitespace = guard.whitespace_before_test
            if isinstance(test_whitespace, cst.SimpleWhitespace) and not test_whitespace.value:
                test_whitespace = cst.SimpleWhitespace(" ")
            new_guard = guard.with_changes(test=mode_condition(spec), leading_lines=(), whitespace_before_test=test_whitespace)
            new_statements = [assignment, new_guard]
            removed = removable_feeders(statements, guard.test, guard_index, function.body, scope)
        if "TG002" in codes:
            reads = [name for statement in new_statements[:-1] for name in loaded_names(statement)]
            plan = plan_move(statements, new_statements[-1], guard_index, first, scope, extra_reads=reads)
            dependencies = [i for i in plan.moved if i != guard_index and i not in removed]
            rest = [i for i in range(first, len(statements)) if i not in plan.moved and i not in removed]
            items: list[BodyItem] = [*range(first), *dependencies, *new_statements, *rest]
            detail = "moved the guard to the top" + (" and rewrote its condition to the canonical one" if rewritten else "")
            self._plan.import_os |= rewritten and reader.import_os  # only once nothing can fail any more
            return items, detail
        self._plan.import_os |= rewritten and reader.import_os
        items = []
        for index in range(len(statements)):
            if index in removed:
                continue
            if index == guard_index:
                items.extend(new_statements)
            else:
                items.append(index)
        return items, "rewrote the guard's condition to the canonical one, keeping its log call and exit"

    def _insert(
        self,
        verdict: FunctionVerdict,
        statements: list[cst.BaseStatement],
        first: int,
        view: FunctionScopeView,
        bindings: ModuleBindings,
        parser_config: cst.PartialParserConfig,
    ) -> tuple[list[BodyItem], str]:
        local_name = choose_local_name(verdict.function)
        reader = bindings.env_reader(view)
        exit_source = exit_statement(verdict.function)
        logger = bindings.logger(view)  # last: it may reserve a name for a new module logger
        spec = self._spec(verdict, local_name, reader.call, logger.name, exit_source)
        assignment, guard = canonical_guard(spec, parser_config)
        at = first if reader.after_index is None else max(first, reader.after_index + 1)
        self._plan.import_os |= reader.import_os
        if logger.create_with is not None:
            self._plan.logger = logger
        items: list[BodyItem] = [*range(at), assignment, guard, *range(at, len(statements))]
        return items, "inserted the canonical guard"

    def _module_config(self) -> cst.PartialParserConfig:
        wrapper = self.context.wrapper
        assert wrapper is not None
        return wrapper.module.config_for_parsing

    # -- rewriting -------------------------------------------------------------
    def leave_FunctionDef(self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef) -> cst.FunctionDef:
        items = self._plan.bodies.get(id(original_node))
        if items is None:
            return updated_node
        return rebuild_body(updated_node, items)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        plan = self._plan
        logger = plan.logger
        imports = [name for name, needed in (("logging", logger is not None and logger.import_logging), ("os", plan.import_os)) if needed]
        config = updated_node.config_for_parsing
        body = list(updated_node.body)
        if logger is not None and logger.create_with is not None:
            statement = cst.parse_statement(
                f"{logger.name} = {logger.create_with}.getLogger(__name__){config.default_newline}", config=config
            )
            index = logger_position(body, logger.create_with)
            body.insert(index, statement.with_changes(leading_lines=(cst.EmptyLine(),)) if index > 0 else statement)
        if imports:
            body = with_imports(body, imports, config)
        return updated_node.with_changes(body=body)


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


def with_imports(body: list[cst.BaseStatement], modules: Sequence[str], config: cst.PartialParserConfig) -> list[cst.BaseStatement]:
    """Add ``import <module>`` lines where libcst's AddImportsVisitor would: after the leading import block.

    The leading block starts after a module docstring and runs while
    statements are imports; when code follows the new lines directly, it
    gets one blank line before it, as AddImportsVisitor does. Done here
    rather than by scheduling AddImportsVisitor so that a file is walked
    once, not twice with a second round of metadata.
    """
    start = 1 if body and is_docstring(body[0]) else 0
    end = start
    while end < len(body) and is_simple_import(body[end]):
        end += 1
    new = [cst.parse_statement(f"import {module}{config.default_newline}", config=config) for module in modules]
    following = body[end:]
    if following and not following[0].leading_lines:
        following = [following[0].with_changes(leading_lines=(cst.EmptyLine(),)), *following[1:]]
    return [*body[:end], *new, *following]


def logger_position(body: Sequence[cst.BaseStatement], logging_name: str) -> int:
    """Index after the module's imports (and after whatever binds ``logging_name``) for a new logger line."""
    index = 1 if body and is_docstring(body[0]) else 0
    for position, statement in enumerate(body):
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            break
        if is_simple_import(statement):
            index = position + 1
    for position, statement in enumerate(body):
        if is_simple_import(statement) and any(_binds(small, logging_name) for small in statement.body):  # type: ignore[attr-defined]
            index = max(index, position + 1)
    return index


def _binds(small: cst.BaseSmallStatement, name: str) -> bool:
    if not isinstance(small, (cst.Import, cst.ImportFrom)) or isinstance(small.names, cst.ImportStar):
        return False
    for alias in small.names:
        bound = alias.asname.name if alias.asname is not None else alias.name
        if isinstance(bound, cst.Name) and bound.value == name:
            return True
        if isinstance(bound, cst.Attribute) and cst.Module(body=[]).code_for_node(bound).split(".")[0] == name:
            return True
    return False
