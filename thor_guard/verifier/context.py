"""What the verifier needs besides the code: the mode variable, its values, stale flags and guard helpers.

A :class:`VerifierContext` is built once per analysed module from the
:class:`~thor_guard.config.Config`. Guard helpers are found three ways: listed
in ``guard-helpers``, defined in the same module, or defined in another
project module under the source roots. Helper modules are parsed on demand
(never imported) and cached in a :class:`HelperResolver` that one run shares
across all modules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import libcst as cst
from libcst.metadata import MetadataWrapper

from thor_guard.targets import find_module_file
from thor_guard.verifier.facts import ModuleFacts

if TYPE_CHECKING:
    from thor_guard.config import Config


class HelperError(Exception):
    """A guard helper exists by name but cannot be used (unparsable module, wrong shape)."""


@dataclass(frozen=True)
class Helper:
    """A guard helper: a function whose body is ``return <expr>``, with its module's facts."""

    qualified_name: str
    function: cst.FunctionDef
    expression: cst.BaseExpression
    facts: ModuleFacts
    owner: cst.ClassDef | None = None
    """For a method helper: its class (so ``self.other()`` inside it resolves too)."""
    receiver: str | None = None


def parse_source(data: bytes) -> cst.Module:
    """Parse module bytes, honouring a PEP 263 coding cookie and a BOM (libcst does both for bytes)."""
    return cst.parse_module(data)


def describe_parse_error(data: bytes, exc: cst.ParserSyntaxError) -> str:
    """One line for a file libcst cannot parse (the shared wording of :func:`thor_guard.errors.describe_source_error`)."""
    from thor_guard.errors import describe_source_error

    return describe_source_error(data, exc)


def helper_expression(function: cst.FunctionDef) -> cst.BaseExpression | None:
    """Return ``<expr>`` when ``function`` has no required parameters and its body is one ``return <expr>``."""
    params = function.params
    if params.posonly_params or params.star_arg not in (cst.MaybeSentinel.DEFAULT, None) or params.star_kwarg is not None:
        return None
    if any(param.default is None for param in (*params.params, *params.kwonly_params)):
        return None
    body = function.body
    statements: list[cst.BaseSmallStatement] = []
    if isinstance(body, cst.SimpleStatementSuite):
        statements = list(body.body)
    else:
        lines = list(body.body)
        if lines and _is_docstring(lines[0]):
            lines = lines[1:]
        if len(lines) != 1 or not isinstance(lines[0], cst.SimpleStatementLine):
            return None
        statements = list(lines[0].body)
    if len(statements) != 1 or not isinstance(statements[0], cst.Return) or statements[0].value is None:
        return None
    return statements[0].value


def method_helper_expression(method: cst.FunctionDef) -> tuple[cst.BaseExpression, str | None] | None:
    """Like :func:`helper_expression` for a method: ``(expr, receiver)`` where receiver is ``self``/``cls`` (None for staticmethod)."""
    decorators = {d.decorator.value for d in method.decorators if isinstance(d.decorator, cst.Name)}
    if "staticmethod" in decorators:
        expression = helper_expression(method)
        return (expression, None) if expression is not None else None
    params = method.params
    positional = [*params.posonly_params, *params.params]
    if not positional or positional[0].default is not None:
        return None
    receiver = positional[0].name.value
    rest = positional[1:]
    stripped = method.with_changes(params=params.with_changes(posonly_params=(), params=tuple(rest)))
    expression = helper_expression(stripped)
    return (expression, receiver) if expression is not None else None


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


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
    outline: Callable[[cst.Module], cst.Module] | None = None
    """Optional reduction of a parsed helper module before its metadata is computed (``apply`` passes
    :func:`thor_guard.verifier.skeleton.helper_outline`: module-level statements and one-statement functions, the
    only parts helpers and constants are read from). None analyses the whole module."""

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
        self.parsed_files.add(path.resolve())
        if self.outline is not None:
            tree = self.outline(tree)
        return ModuleFacts(module, path, MetadataWrapper(tree, unsafe_skip_copy=True), is_package=path.name == "__init__.py")

    def find_constant(self, dotted: str) -> tuple[ModuleFacts, cst.BaseExpression] | None:
        """Resolve ``pkg.mod.NAME`` to the expression of a module-level name bound once in a project module."""
        module, _, attribute = dotted.rpartition(".")
        if not module:
            return None
        facts = self.module_facts(module)
        if facts is None:
            return None
        expression = facts.module_value(attribute)
        return (facts, expression) if expression is not None else None

    def find(self, dotted: str) -> Helper | None:
        """Resolve ``pkg.mod.func`` to a helper in a project module; None when no such function exists."""
        parts = dotted.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            module, attribute = ".".join(parts[:cut]), parts[cut:]
            if len(attribute) != 1:
                continue
            facts = self.module_facts(module)
            if facts is None:
                continue
            function = facts.module_function(attribute[0])
            if function is None:
                return None
            return make_helper(dotted, function, facts)
        return None


def make_method_helper(dotted: str, method: cst.FunctionDef, owner: cst.ClassDef, facts: ModuleFacts) -> Helper:
    found = method_helper_expression(method)
    if found is None:
        raise HelperError(f"'{dotted}' is not a guard helper: its body must be a single 'return <expression>' without required parameters")
    expression, receiver = found
    return Helper(dotted, method, expression, facts, owner=owner, receiver=receiver)


def make_helper(dotted: str, function: cst.FunctionDef, facts: ModuleFacts) -> Helper:
    expression = helper_expression(function)
    if expression is None:
        raise HelperError(f"'{dotted}' is not a guard helper: its body must be a single 'return <expression>' without required parameters")
    return Helper(dotted, function, expression, facts)


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

    @classmethod
    def from_config(
        cls,
        config: Config,
        *,
        module: str,
        path: Path | None,
        resolver: HelperResolver | None = None,
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


_RESOLVERS: dict[int, tuple[Config, HelperResolver]] = {}


def resolver_for(config: Config) -> HelperResolver:
    """The helper resolver shared by every context built from ``config`` (a few recent configs are kept)."""
    cached = _RESOLVERS.get(id(config))
    if cached is not None and cached[0] is config:
        return cached[1]
    resolver = HelperResolver(
        tuple(config.source_roots),
        frozenset(f"{t.module}.{t.qualname}" for t in config.guard_helpers),
    )
    if len(_RESOLVERS) >= 4:
        _RESOLVERS.pop(next(iter(_RESOLVERS)))
    _RESOLVERS[id(config)] = (config, resolver)
    return resolver


def _unique(values: Iterable[str | None]) -> tuple[str | None, ...]:
    seen: list[str | None] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return tuple(seen)
