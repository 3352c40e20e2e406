"""Per-module facts the verifier reads: resolved names, scopes and module-level bindings.

libcst metadata is computed once per :class:`~libcst.metadata.MetadataWrapper`;
this module wraps it in small lookups (qualified names of a node, the single
module-level assignment of a name, module loggers, module functions) so that
the evaluator never matches names as strings.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import libcst as cst
from libcst._metadata_dependent import LazyValue
from thor_guard.verifier.bindings import MODULE_GETATTR, Hazard, ModuleBindings, census, parse_python
from libcst.metadata import (
    GlobalScope,
    MetadataWrapper,
    PositionProvider,
    QualifiedNameProvider,
    QualifiedNameSource,
    Scope,
    ScopeProvider,
)

REQUIRED_METADATA = (QualifiedNameProvider, ScopeProvider, PositionProvider)
"""Metadata providers :func:`~thor_guard.verifier.verify_function` resolves on the module's wrapper."""

_EMPTY_MODULE = cst.Module(body=[])


_CODE: dict[tuple[int, int], tuple[cst.CSTNode, str]] = {}


def code_of(node: cst.CSTNode, limit: int = 70) -> str:
    """The first line of ``node``'s source, shortened for messages (memoised by identity: trees are immutable)."""
    cached = _CODE.get((id(node), limit))
    if cached is not None and cached[0] is node:
        return cached[1]
    text = _EMPTY_MODULE.code_for_node(node).strip().splitlines()
    first = text[0] if text else ""
    result = first if len(first) <= limit else first[: limit - 1] + "…"
    if len(_CODE) > 8192:
        _CODE.clear()
    _CODE[(id(node), limit)] = (node, result)
    return result


@dataclass
class ModuleFacts:
    """Name resolution for one parsed module (the analysed one or a helper's module)."""

    name: str
    """Dotted module name (used to resolve relative imports)."""
    path: Path | None
    wrapper: MetadataWrapper
    is_package: bool = False
    source: bytes | None = None
    """The module's full source (the census of bindings is taken from it); None re-generates it from the tree,
    which is only right when the tree is the whole module, not ``check``'s skeleton."""
    parent: ModuleFacts | None = None
    """For a function body recovered from the full source (see :meth:`recover`): the facts of the (skeleton) module
    that module-level look-ups go to."""
    star_exports: Callable[[str], frozenset[str] | None] | None = field(default=None, compare=False, repr=False)
    """The names ``from <module> import *`` copies, for a project module whose exports are known (None: not known);
    the walk's resolver (:meth:`thor_guard.verifier.context.HelperResolver.star_exports`). With it, a star import of
    such a module can rebind only those names (review 9, FA9-12)."""

    # Metadata is resolved on first use: a helper module whose constants are read through the census never
    # pays for scope analysis, and qualified names are only needed by callers of qualified_names().
    @cached_property
    def _qnames(self) -> Mapping[cst.CSTNode, object]:
        return self.wrapper.resolve(QualifiedNameProvider)

    @cached_property
    def _scopes(self) -> Mapping[cst.CSTNode, Scope | None]:
        return self.wrapper.resolve(ScopeProvider)

    @property
    def module(self) -> cst.Module:
        return self.wrapper.module

    def qualified_names(self, node: cst.CSTNode) -> frozenset[str]:
        """Dotted names ``node`` refers to through imports (``_os.getenv`` -> ``os.getenv``), relative ones made absolute.

        Only import-sourced names count: a local class called ``os`` or a
        module-level variable ``config`` is never mistaken for a module.
        """
        value = self._qnames.get(node, ())
        if isinstance(value, LazyValue):
            value = value()
        names: set[str] = set()
        for qualified in value:  # type: ignore[attr-defined]
            if qualified.source is QualifiedNameSource.IMPORT:
                names.add(self.absolute(qualified.name))
        return frozenset(names)

    def absolute(self, name: str) -> str:
        """Turn ``.util.f`` (as QualifiedNameProvider reports relative imports) into ``pkg.util.f``."""
        if not name.startswith("."):
            return name
        level = len(name) - len(name.lstrip("."))
        package = self.name.split(".") if self.is_package else self.name.split(".")[:-1]
        if level > 1:
            package = package[: len(package) - (level - 1)]
        rest = name[level:]
        return ".".join([*package, rest] if rest else package)

    def recover(self, function: cst.FunctionDef) -> tuple[ModuleFacts, cst.FunctionDef]:
        """``function`` itself, or — when ``check``'s skeleton stubbed its body out — its full definition.

        The full text is cut from :attr:`source` (positions from Python's own
        parser) and parsed alone; its module-level names resolve through the
        census and this module (:attr:`parent`), so the walk sees what the
        real function does instead of the stub's ``...``.
        """
        if not is_stub(function):
            return self, function
        if self.parent is not None:
            # A recovered body's module-level names resolve through the parent (module_function), so a stub it
            # calls is a node of the parent's skeleton: recover it there, at every level of a chain of
            # multi-statement helpers (FA8-1, review 8), not only for the first one.
            return self.parent.recover(function)
        cache = self.__dict__.setdefault("_recovered", {})
        key = id(function)
        if key not in cache:
            cache[key] = self._recover(function)
        return cache[key]

    def _recover(self, function: cst.FunctionDef) -> tuple[ModuleFacts, cst.FunctionDef]:
        from thor_guard.verifier.skeleton import walk_functions

        qualnames = {id(node): qualname for qualname, node in walk_functions(self.module)}
        wanted = qualnames.get(id(function))
        if wanted is None:
            return self, function
        recovered = self._parse_qualname(wanted)
        if recovered is None:
            return self, function
        return self._alone(recovered.with_changes(decorators=function.decorators))

    def recover_qualname(self, wanted: str, line: int | None = None) -> tuple[ModuleFacts, cst.FunctionDef] | None:
        """The full definition of the function ``wanted`` (a ``__qualname__``) cut from the full source, with its
        own decorators, in a one-function module whose names resolve through this one (see :meth:`recover`);
        None when the source has not exactly one such function or it does not parse alone. Used for a method of a
        class whose whole body the skeleton elided (a property of a base class). With ``line``, the one whose
        ``def`` is on that line (a name bound several times in a class body)."""
        cache = self.__dict__.setdefault("_recovered_names", {})
        key = (wanted, line)
        if key not in cache:
            recovered = self._parse_qualname(wanted, line)
            cache[key] = None if recovered is None else self._alone(recovered)
        return cache[key]

    def _alone(self, function: cst.FunctionDef) -> tuple[ModuleFacts, cst.FunctionDef]:
        module = cst.Module(body=[function])
        wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        facts = ModuleFacts(self.name, self.path, wrapper, self.is_package, self.source, parent=self, star_exports=self.star_exports)
        return facts, module.body[0]  # type: ignore[return-value]

    def _parse_qualname(self, wanted: str, line: int | None = None) -> cst.FunctionDef | None:
        import ast

        source = self.full_source
        source = source.encode("utf-8") if isinstance(source, str) else source
        tree = parse_python(source)  # the target's grammar: 3.12 syntax on a 3.11 interpreter too
        if tree is None:
            return None
        found: list[ast.FunctionDef | ast.AsyncFunctionDef] = []

        def walk(statements: list[ast.stmt], prefix: tuple[str, ...]) -> None:
            for statement in statements:
                if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    if ".".join((*prefix, statement.name)) == wanted and line in (None, statement.lineno):
                        found.append(statement)
                    walk(statement.body, (*prefix, statement.name, "<locals>"))
                elif isinstance(statement, ast.ClassDef):
                    walk(statement.body, (*prefix, statement.name))
                else:
                    for name in ("body", "orelse", "finalbody"):
                        walk(getattr(statement, name, []) or [], prefix)
                    for handler in getattr(statement, "handlers", []) or []:
                        walk(handler.body, prefix)
                    for case in getattr(statement, "cases", []) or []:
                        walk(case.body, prefix)

        walk(tree.body, ())
        if len(found) != 1 or found[0].end_lineno is None:
            return None
        # Lines exactly as Python's parser counts them (\n, \r\n, \r), not str.splitlines (which also splits on U+2028…).
        import io
        import tokenize

        try:
            encoding = tokenize.detect_encoding(io.BytesIO(source).readline)[0]  # honour a coding cookie
            text = source.decode(encoding)
        except (SyntaxError, LookupError, UnicodeDecodeError):
            return None
        lines = re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)
        start = min([d.lineno for d in found[0].decorator_list] + [found[0].lineno])  # with its decorators
        text = "".join(lines[start - 1 : found[0].end_lineno])
        nested = found[0].col_offset > 0
        if nested:
            # Parse the def under an `if 1:` header at its own indentation instead of dedenting the text:
            # textwrap.dedent would also strip the continuation lines of multi-line string literals and change
            # their values (a guard comparing such a string would evaluate differently from the real code).
            text = "if 1:\n" + text
        try:
            module = cst.parse_module(text)
        except cst.ParserSyntaxError:
            return None
        first = module.body[0] if module.body else None
        if nested and isinstance(first, cst.If) and isinstance(first.body, cst.IndentedBlock) and first.body.body:
            first = first.body.body[0]
        recovered = first if isinstance(first, cst.FunctionDef) else None
        if recovered is None:
            return None
        return recovered

    @cached_property
    def future_annotations(self) -> bool:
        """True under ``from __future__ import annotations`` (annotations of nested defs are then not evaluated)."""
        for statement in self.module.body:
            if isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    if isinstance(small, cst.ImportFrom) and isinstance(small.module, cst.Name) and small.module.value == "__future__":
                        if not isinstance(small.names, cst.ImportStar) and any(
                            isinstance(a.name, cst.Name) and a.name.value == "annotations" for a in small.names
                        ):
                            return True
        return False

    @cached_property
    def bindings(self) -> ModuleBindings:
        """Every binding site of every module-level name, from the full source (see :mod:`thor_guard.verifier.bindings`);
        a star import of a project module whose exports are known (:attr:`star_exports`) can rebind only those. In a
        package's ``__init__``, a name that is also a submodule's can be rebound by importing that submodule
        (:meth:`_submodule_hazards`)."""
        if self.parent is not None and self.parent.source is self.source:
            return self.parent.bindings  # the same module's census
        found = self._star_narrowed()
        extra = self._submodule_hazards(found)
        return dataclasses.replace(found, hazards=[*found.hazards, *extra]) if extra else found

    def _submodule_hazards(self, found: ModuleBindings) -> list[Hazard]:
        """For a package ``__init__``: a hazard per name it binds that is also the name of one of its submodules.

        The first import of ``pkg.logger`` — from any module, at any time: ``from pkg.logger import configure`` in an
        app's ``ready()`` — ends with ``setattr(pkg, "logger", <module>)``, replacing whatever the package bound to
        ``logger`` (hostile review 18, H1). A name whose every binding imports that very submodule is not at risk.
        """
        if not self.is_package or self.path is None or not found.names:
            return []
        try:
            entries = {entry.name for entry in self.path.parent.iterdir()}
        except OSError:
            return []
        hazards = []
        for name, sites in found.names.items():
            if not (f"{name}.py" in entries or name in entries or any(e.startswith(f"{name}.") and e.endswith((".so", ".pyd")) for e in entries)):
                continue
            if name in entries and not (self.path.parent / name).is_dir():
                continue
            submodule = f"{self.name}.{name}"
            if all(site.kind == "import" and site.target is not None and self.absolute(site.target) == submodule for site in sites):
                continue
            first = min(sites, key=lambda site: site.line)
            hazards.append(Hazard(f"the submodule {submodule} (importing it sets the package attribute '{name}')", first.line, first.text, frozenset({name})))
        return hazards

    def _star_narrowed(self) -> ModuleBindings:
        found = census(self.full_source, self.name)
        if self.star_exports is None or not any(h.module is not None and h.names is None for h in found.hazards):
            return found
        hazards = []
        resolver = getattr(self.star_exports, "__self__", None)  # the HelperResolver the bound method belongs to
        for hazard in found.hazards:
            if hazard.module is not None and hazard.names is None:
                source = self.absolute(hazard.module)
                exports = self.star_exports(source)
                if exports is not None:
                    hazard = dataclasses.replace(hazard, names=exports)
                hazards.append(hazard)  # named first: a name it may rebind is reported as the star import's
                if (exports is not None and "__getattr__" in exports) or (
                    exports is None and resolver is not None and resolver.is_module(source)
                ):
                    # `from ._impl import *` with `__all__ = ["__getattr__"]` (or exports not known) may copy a PEP 562
                    # `__getattr__` into this module (hostile review 12, H9). A library's `__all__` is assumed not to
                    # list it (docs/check.md).
                    hazards.append(Hazard(MODULE_GETATTR, hazard.line, hazard.text))
                continue
            hazards.append(hazard)
        return dataclasses.replace(found, hazards=hazards)  # the census is shared: never changed in place

    @cached_property
    def full_source(self) -> bytes | str:
        """:attr:`source`, or the code of the full module this (skeleton) tree was made from, or this tree's code."""
        if self.source is not None:
            return self.source
        from thor_guard.verifier.skeleton import origin_of

        origin = origin_of(self.module)
        return (origin if origin is not None else self.module).code

    def module_class(self, name: str) -> cst.ClassDef | None:
        if self.parent is not None:
            return self.parent.module_class(name)
        for statement in self.module.body:
            if isinstance(statement, cst.ClassDef) and statement.name.value == name:
                return statement
        return None

    @cached_property
    def _class_qualnames(self) -> dict[int, str]:
        names: dict[int, str] = {}

        def walk(statements: object, prefix: str) -> None:
            for statement in statements:  # type: ignore[attr-defined]
                if isinstance(statement, cst.ClassDef):
                    names[id(statement)] = f"{prefix}{statement.name.value}"
                    if isinstance(statement.body, cst.IndentedBlock):
                        walk(statement.body.body, f"{prefix}{statement.name.value}.")

        walk(self.module.body, "")
        return names

    def class_named(self, qualname: str) -> cst.ClassDef | None:
        """The class :meth:`class_qualname` calls ``qualname`` (``Outer.Inner``); None when there is none."""
        if self.parent is not None:
            return self.parent.class_named(qualname)
        return self._classes_by_qualname.get(qualname)

    @cached_property
    def _classes_by_qualname(self) -> dict[str, cst.ClassDef]:
        found: dict[str, cst.ClassDef] = {}

        def walk(statements: object, prefix: str) -> None:
            for statement in statements:  # type: ignore[attr-defined]
                if isinstance(statement, cst.ClassDef):
                    found.setdefault(f"{prefix}{statement.name.value}", statement)
                    if isinstance(statement.body, cst.IndentedBlock):
                        walk(statement.body.body, f"{prefix}{statement.name.value}.")

        walk(self.module.body, "")
        return found

    def class_qualname(self, owner: cst.ClassDef) -> str | None:
        """``Outer.Inner`` for a class defined at module level or nested in classes; None for classes inside functions."""
        if self.parent is not None:
            return self.parent.class_qualname(owner)
        return self._class_qualnames.get(id(owner))

    def scope(self, node: cst.CSTNode) -> Scope | None:
        return self._scopes.get(node)

    def comprehension_walrus(self, scope: object) -> frozenset[str]:
        """Names a walrus inside a comprehension of ``scope``'s function binds in that function (PEP 572).

        libcst records ``[(x := f()) for _ in y]`` as a binding of the
        comprehension's own scope, but Python binds ``x`` in the enclosing
        function: it is a local of the whole function (a read before the
        comprehension ran raises UnboundLocalError) and the comprehension may
        rebind it any number of times (also never).
        """
        node = getattr(scope, "node", None)
        if not isinstance(node, (cst.FunctionDef, cst.Lambda)):
            return frozenset()
        cache = self.__dict__.setdefault("_walrus", {})
        key = id(node)
        if key not in cache:
            found = walrus_in_comprehensions(node.body) | match_captures(node.body) | del_targets(node.body)
            if isinstance(node, cst.FunctionDef):
                found |= compiler_locals(node)
            cache[key] = (node, frozenset(found))
        return cache[key][1]

    def is_module_global(self, node: cst.Name) -> bool:
        """True when ``node`` (a read) refers to a name bound only at module level."""
        scope = self.scope(node)
        if scope is None:
            return False
        assignments = scope[node.value]
        return bool(assignments) and all(isinstance(a.scope, GlobalScope) for a in assignments)

    @cached_property
    def _top_level(self) -> tuple[dict[str, cst.BaseExpression], dict[str, cst.FunctionDef], dict[str, int]]:
        values: dict[str, cst.BaseExpression] = {}
        functions: dict[str, cst.FunctionDef] = {}
        counts: dict[str, int] = {}
        for statement in _flatten_module_statements(self.module.body):
            if isinstance(statement, cst.FunctionDef):
                functions[statement.name.value] = statement
                counts[statement.name.value] = counts.get(statement.name.value, 0) + 1
            elif isinstance(statement, cst.Assign):
                for target in statement.targets:
                    if isinstance(target.target, cst.Name):
                        values[target.target.value] = statement.value
                        counts[target.target.value] = counts.get(target.target.value, 0) + 1
            elif isinstance(statement, cst.AnnAssign) and isinstance(statement.target, cst.Name) and statement.value is not None:
                values[statement.target.value] = statement.value
                counts[statement.target.value] = counts.get(statement.target.value, 0) + 1
        return values, functions, counts

    def module_value(self, name: str) -> cst.BaseExpression | None:
        """The expression of ``name = <expr>`` when it is the name's only module-level binding."""
        if self.parent is not None:
            return self.parent.module_value(name)
        values, _, counts = self._top_level
        return values.get(name) if counts.get(name) == 1 else None

    def module_function(self, name: str) -> cst.FunctionDef | None:
        if self.parent is not None:
            return self.parent.module_function(name)
        _, functions, counts = self._top_level
        return functions.get(name) if counts.get(name) == 1 else None

    @cached_property
    def _method_owners(self) -> dict[int, cst.ClassDef]:
        owners: dict[int, cst.ClassDef] = {}
        for node in _iter_classes(self.module):
            for statement in node.body.body if isinstance(node.body, cst.IndentedBlock) else ():
                if isinstance(statement, cst.FunctionDef):
                    owners[id(statement)] = node
        return owners

    def enclosing_class(self, function: cst.FunctionDef) -> cst.ClassDef | None:
        """The class whose body defines ``function`` directly (None for plain functions)."""
        return self._method_owners.get(id(function))

    @cached_property
    def module_loggers(self) -> frozenset[str]:
        """Module-level names bound to ``logging.getLogger(...)``."""
        values, _, counts = self._top_level
        return frozenset(
            name
            for name, value in values.items()
            if counts.get(name) == 1
            and isinstance(value, cst.Call)
            and "logging.getLogger" in self.qualified_names(value.func)
        )


_COMPREHENSIONS = (cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)
_OWN_SCOPES = (cst.FunctionDef, cst.Lambda, cst.ClassDef)


def walrus_in_comprehensions(node: cst.CSTNode, inside: bool = False) -> set[str]:
    """Targets of ``:=`` inside comprehensions under ``node``, not entering nested functions, lambdas or classes
    (their walruses bind there). The names are NFKC-normalised as Python does."""
    found: set[str] = set()
    for child in node.children:
        if isinstance(child, _OWN_SCOPES):
            continue
        if inside and isinstance(child, cst.NamedExpr) and isinstance(child.target, cst.Name):
            found.add(unicodedata.normalize("NFKC", child.target.value))
        found |= walrus_in_comprehensions(child, inside or isinstance(child, _COMPREHENSIONS))
    return found


def match_captures(node: cst.CSTNode) -> set[str]:
    """Names ``match`` patterns under ``node`` bind (``case x``, ``case [a, *rest]``, ``case {**rest}``,
    ``case C(k=x)``, ``... as x``), not entering nested functions, lambdas or classes. libcst 1.9's scope analysis
    records none of them, but Python makes each a local of the enclosing function: a read of ``os`` before a
    ``case (os, *rest):`` raises UnboundLocalError (review of apply, RA-1). NFKC-normalised as Python does."""
    found: set[str] = set()
    for child in node.children:
        if isinstance(child, _OWN_SCOPES):
            continue
        if isinstance(child, (cst.MatchAs, cst.MatchStar)) and child.name is not None:
            found.add(unicodedata.normalize("NFKC", child.name.value))
        elif isinstance(child, cst.MatchMapping) and child.rest is not None:
            found.add(unicodedata.normalize("NFKC", child.rest.value))
        found |= match_captures(child)
    return found


def compiler_locals(function: cst.FunctionDef) -> set[str]:
    """Every name Python's compiler makes a local of ``function`` (:mod:`symtable` on its own source): the check on
    the hand-made forms above (walrus in comprehensions, match captures, ``del``), so a binding form libcst's scope
    analysis misses is still a local (R8-3, review 8; apply asks the compiler the same way,
    codemods/compiler_locals.py). Empty when the source does not compile on this Python (newer syntax): the
    hand-made forms remain."""
    import symtable

    code = cst.Module(body=[function.with_changes(decorators=())]).code
    if not code.isascii():
        # symtable reports NFKC-normalised names, libcst and the walk's state the raw spelling (`ｏｓ = x` binds the
        # local the walk calls 'ｏｓ'): a non-ASCII identifier is a hazard of the module on its own (bindings.py).
        return set()
    try:
        table = symtable.symtable(code, "<function>", "exec")
    except (SyntaxError, ValueError, TypeError):
        return set()
    children = [child for child in table.get_children() if child.get_type() == "function"]
    if len(children) != 1:
        return set()
    return {unicodedata.normalize("NFKC", symbol.get_name()) for symbol in children[0].get_symbols() if symbol.is_local() and not symbol.is_global()}


def del_targets(node: cst.CSTNode) -> set[str]:
    """Names a ``del`` statement under ``node`` deletes (``del os``, ``del (a, [b])``), not entering nested functions,
    lambdas or classes. libcst records a ``del`` target as an access, but Python's compiler makes it a local of the
    whole function, like an assignment: a read of ``os`` anywhere before it raises UnboundLocalError (R8-3, review 8).
    A name the function declares ``global``/``nonlocal`` is excluded by the caller (globals_declared) or by
    libcst's scope. NFKC-normalised as Python does."""
    found: set[str] = set()
    for child in node.children:
        if isinstance(child, _OWN_SCOPES):
            continue
        if isinstance(child, cst.Del):
            found |= _deleted_names(child.target)
        found |= del_targets(child)
    return found


def _deleted_names(target: cst.BaseExpression) -> set[str]:
    if isinstance(target, cst.Name):
        return {unicodedata.normalize("NFKC", target.value)}
    if isinstance(target, (cst.Tuple, cst.List)):
        return set().union(*(_deleted_names(e.value) for e in target.elements)) if target.elements else set()
    return set()  # `del x.attr`, `del x[k]`: no name is bound


def is_stub(function: cst.FunctionDef) -> bool:
    """True when ``check``'s skeleton replaced the body of ``function`` by ``...``."""
    from thor_guard.verifier.skeleton import STUB_LINE

    body = function.body
    return isinstance(body, cst.IndentedBlock) and len(body.body) == 1 and body.body[0] is STUB_LINE


def _iter_classes(module: cst.Module) -> list[cst.ClassDef]:
    """Every class statement, found by walking statements only (a class is always a statement)."""
    from thor_guard.verifier.skeleton import nested_blocks, suite_statements

    found: list[cst.ClassDef] = []

    def walk(statements: object) -> None:
        for statement in statements:  # type: ignore[attr-defined]
            if isinstance(statement, cst.ClassDef):
                found.append(statement)
                walk(suite_statements(statement.body))
            elif isinstance(statement, cst.FunctionDef):
                walk(suite_statements(statement.body))
            else:
                for block in nested_blocks(statement):
                    walk(block)

    walk(module.body)
    return found


def _flatten_module_statements(body: object) -> list[cst.CSTNode]:
    """Module-level small statements and defs (inside ``if``/``try`` blocks too, as Python binds them)."""
    out: list[cst.CSTNode] = []
    for statement in body:  # type: ignore[attr-defined]
        if isinstance(statement, cst.SimpleStatementLine):
            out.extend(statement.body)
        elif isinstance(statement, cst.FunctionDef):
            out.append(statement)
        elif isinstance(statement, (cst.If, cst.Try)):
            out.extend(_flatten_module_statements(statement.body.body))
            orelse = getattr(statement, "orelse", None)
            if isinstance(orelse, cst.Else):
                out.extend(_flatten_module_statements(orelse.body.body))
    return out
