"""Per-file fact extraction: one ``ast`` pass turns a file into :class:`ModuleFacts`.

Python's ``ast`` parses about ten times faster than libcst, and facts need no
concrete syntax: names are resolved here as far as one file allows (imports
with aliases, relative imports, definitions, closures, ``self``/``cls``,
locals and module singletons built by a constructor call), and what crosses a
module boundary is left as a dotted path for :mod:`thor_guard.audit.link`.
Guard decisions are *not* made here: they go through the verifier (libcst).
"""

from __future__ import annotations

import ast
import builtins
import re
from collections.abc import Iterator, Mapping, Sequence

from thor_guard.audit.model import (
    MAIN_CODE,
    MODULE_CODE,
    CallFact,
    ClassFact,
    FunctionFact,
    LoopFact,
    ModuleFacts,
    Ref,
)
from thor_guard.audit.spawners import TARGET_KEYWORDS, SpawnerTable

_BUILTINS = frozenset(dir(builtins))
_ENV_LIKE = re.compile(r"^[A-Z][A-Z0-9_]{2,}$")
_SLEEPS = frozenset({"time.sleep", "asyncio.sleep", "gevent.sleep", "eventlet.sleep", "trio.sleep"})
# Attribute names whose call hands a function over to another thread/process/task (argument index),
# from the spawner table (thor_guard.audit.spawners).
_TARGET_POSITION = SpawnerTable.build().target_positions()
_TARGET_KEYWORDS = TARGET_KEYWORDS
# Calls that turn a literal dotted path into the object it names.
_IMPORTERS = frozenset(
    {
        "django.utils.module_loading.import_string",
        "importlib.import_module",
        "pydoc.locate",
        "celery.utils.imports.symbol_by_name",
        "kombu.utils.imports.symbol_by_name",
    }
)
_SETTINGS = frozenset({"django.conf.settings"})
_DOTTED_PATH = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
_PARTIALS = frozenset({"functools.partial", "functools.partialmethod"})
_URL_FUNCTIONS = frozenset({"path", "re_path", "url"})

_UNKNOWN = Ref("u", "?")
_NONE = Ref("u", "None")
"""``x = None``: a placeholder that does not conflict with the real value assigned elsewhere."""
_LITERAL_TYPES: dict[type, str] = {
    ast.JoinedStr: "builtins.str",
    ast.List: "builtins.list",
    ast.ListComp: "builtins.list",
    ast.Dict: "builtins.dict",
    ast.DictComp: "builtins.dict",
    ast.Set: "builtins.set",
    ast.SetComp: "builtins.set",
    ast.Tuple: "builtins.tuple",
}
_WRAPPING_ANNOTATIONS = frozenset({"typing.ClassVar", "typing.Final", "typing.Annotated", "typing_extensions.Annotated"})

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda

_LEAF_FIELDS = frozenset({"ctx", "op", "ops", "id", "attr", "arg", "module", "level", "kind", "type_comment", "conversion", "simple", "is_async"})
"""Fields that hold names, numbers or operator singletons, never code: the fact walk skips them."""
_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}
"""Per node type, the fields the fact walk descends into (filled on first sight)."""


def _unparse(node: ast.AST, limit: int = 60) -> str:
    """A short, cheap rendering of a callee for ``--explain`` (``ast.unparse`` costs too much per call)."""
    kind = type(node)
    if kind is ast.Name:
        text = node.id  # type: ignore[attr-defined]
    elif kind is ast.Attribute:
        text = f"{_unparse(node.value, limit)}.{node.attr}"  # type: ignore[attr-defined]
    elif kind is ast.Call:
        text = f"{_unparse(node.func, limit)}(...)"  # type: ignore[attr-defined]
    elif kind is ast.Subscript:
        text = f"{_unparse(node.value, limit)}[...]"  # type: ignore[attr-defined]
    elif kind is ast.Constant:
        text = repr(node.value)[:20]  # type: ignore[attr-defined]
    else:
        text = f"<{kind.__name__.lower()}>"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _is_main_guard(stmt: ast.stmt) -> bool:
    """``if __name__ == "__main__":`` (either operand order)."""
    if not isinstance(stmt, ast.If) or not isinstance(stmt.test, ast.Compare) or len(stmt.test.ops) != 1:
        return False
    if not isinstance(stmt.test.ops[0], ast.Eq):
        return False
    sides = [stmt.test.left, stmt.test.comparators[0]]
    names = [s for s in sides if isinstance(s, ast.Name) and s.id == "__name__"]
    constants = [s for s in sides if isinstance(s, ast.Constant) and s.value == "__main__"]
    return len(names) == 1 and len(constants) == 1


def _dotted(ref: Ref) -> str:
    return ".".join((ref.head, *ref.attrs))


def _resolve_relative(module: str, is_package: bool, level: int, name: str | None) -> str:
    parts = module.split(".")
    if not is_package:
        parts = parts[:-1]
    if level > 1:
        parts = parts[: len(parts) - (level - 1)] if level - 1 <= len(parts) else []
    if name:
        parts.append(name)
    return ".".join(parts)


class _Scope:
    """Names bound in one module, class or function body."""

    __slots__ = ("bindings", "class_qualname", "kind", "parent", "qualname")

    def __init__(self, kind: str, qualname: str, parent: _Scope | None, class_qualname: str | None = None) -> None:
        self.kind = kind
        self.qualname = qualname
        self.bindings: dict[str, Ref] = {}
        self.parent = parent
        self.class_qualname = class_qualname


class _Extractor:
    def __init__(self, module: str, is_package: bool, positions: Mapping[str, int] | None = None) -> None:
        self.module = module
        self.positions = {**_TARGET_POSITION, **positions} if positions else _TARGET_POSITION
        self.is_package = is_package
        self.functions: list[FunctionFact] = []
        self.classes: list[ClassFact] = []
        self.star_imports: list[str] = []
        self.str_constants: dict[str, str] = {}
        self.module_scope = _Scope("module", "", None)
        self.lambda_targets: set[int] = set()
        self.attr_types: dict[str, dict[str, Ref]] = {}

    # ----------------------------------------------------------------- binding
    def _bind(self, scope: _Scope, name: str, ref: Ref) -> None:
        old = scope.bindings.get(name)
        if ref == _NONE:
            if old is None:
                scope.bindings[name] = _NONE
        elif old is None or old == ref or old == _NONE:
            scope.bindings[name] = ref
        else:
            scope.bindings[name] = _UNKNOWN

    def _bind_import(self, scope: _Scope, node: ast.Import | ast.ImportFrom) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    self._bind(scope, alias.asname, Ref("g", alias.name))
                else:
                    top = alias.name.split(".")[0]
                    self._bind(scope, top, Ref("g", top))
            return
        base = node.module or ""
        if node.level:
            base = _resolve_relative(self.module, self.is_package, node.level, node.module)
        for alias in node.names:
            if alias.name == "*":
                if scope is self.module_scope:
                    self.star_imports.append(base)
                continue
            full = f"{base}.{alias.name}" if base else alias.name
            self._bind(scope, alias.asname or alias.name, Ref("g", full))

    def _collect_bindings(self, scope: _Scope, body: Sequence[ast.stmt], qual_prefix: str) -> None:
        """Bind every name a block assigns (recursing into if/try/with/for, not into defs)."""
        for stmt in body:
            self._collect_stmt(scope, stmt, qual_prefix)

    def _collect_stmt(self, scope: _Scope, stmt: ast.stmt, qual_prefix: str) -> None:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            self._bind(scope, stmt.name, Ref("g", f"{self.module}.{qual_prefix}{stmt.name}"))
        elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
            self._bind_import(scope, stmt)
        elif isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            value = stmt.value
            for target in targets:
                for name_node in self._target_names(target):
                    simple = isinstance(target, ast.Name) and value is not None
                    ref = self._value_ref(value, scope, qual_prefix) if simple else _UNKNOWN
                    if isinstance(stmt, ast.AnnAssign) and isinstance(target, ast.Name) and ref in (_NONE, _UNKNOWN):
                        ref = self._annotation_ref(stmt.annotation, scope) or ref
                        if value is None and ref in (_NONE, _UNKNOWN):
                            continue  # ``x: int`` alone binds nothing
                    self._bind(scope, name_node, ref)
                    if scope.kind == "module" and simple and isinstance(value, ast.Constant) and isinstance(value.value, str):
                        self.str_constants[name_node] = value.value
        elif isinstance(stmt, ast.AugAssign):
            for name_node in self._target_names(stmt.target):
                self._bind(scope, name_node, _UNKNOWN)
        elif isinstance(stmt, (ast.For, ast.AsyncFor)):
            for name_node in self._target_names(stmt.target):
                self._bind(scope, name_node, _UNKNOWN)
            self._collect_bindings(scope, stmt.body, qual_prefix)
            self._collect_bindings(scope, stmt.orelse, qual_prefix)
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            for item in stmt.items:
                if item.optional_vars is not None:
                    ref = self._value_ref(item.context_expr, scope, qual_prefix) if isinstance(item.optional_vars, ast.Name) else _UNKNOWN
                    for name_node in self._target_names(item.optional_vars):
                        self._bind(scope, name_node, ref)
            self._collect_bindings(scope, stmt.body, qual_prefix)
        elif isinstance(stmt, (ast.If, ast.While)):
            self._collect_bindings(scope, stmt.body, qual_prefix)
            self._collect_bindings(scope, stmt.orelse, qual_prefix)
        elif isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
            self._collect_bindings(scope, stmt.body, qual_prefix)  # type: ignore[attr-defined]
            for handler in stmt.handlers:  # type: ignore[attr-defined]
                if handler.name:
                    self._bind(scope, handler.name, _UNKNOWN)
                self._collect_bindings(scope, handler.body, qual_prefix)
            self._collect_bindings(scope, stmt.orelse, qual_prefix)  # type: ignore[attr-defined]
            self._collect_bindings(scope, stmt.finalbody, qual_prefix)  # type: ignore[attr-defined]
        elif isinstance(stmt, ast.Match):
            for case in stmt.cases:
                self._collect_bindings(scope, case.body, qual_prefix)
        elif isinstance(stmt, (ast.Global, ast.Nonlocal)):
            for name in stmt.names:
                scope.bindings.pop(name, None)

    @staticmethod
    def _target_names(target: ast.expr) -> Iterator[str]:
        if isinstance(target, ast.Name):
            yield target.id
        elif isinstance(target, (ast.Tuple, ast.List)):
            for elt in target.elts:
                yield from _Extractor._target_names(elt)
        elif isinstance(target, ast.Starred):
            yield from _Extractor._target_names(target.value)

    def _value_ref(self, value: ast.expr | None, scope: _Scope, qual_prefix: str) -> Ref:
        """What a name assigned ``value`` denotes: an alias, an instance, or unknown."""
        if value is None:
            return _UNKNOWN
        if isinstance(value, ast.Constant):
            return _NONE if value.value is None else Ref("i", f"builtins.{type(value.value).__name__}")
        literal = _LITERAL_TYPES.get(type(value))
        if literal is not None:
            return Ref("i", literal)
        if isinstance(value, ast.Lambda):
            return Ref("g", f"{self.module}.{qual_prefix}{self._lambda_name(value)}")
        if isinstance(value, (ast.Name, ast.Attribute)):
            ref = self.expr_ref(value, scope)
            return ref if ref.kind != "u" else _UNKNOWN
        if isinstance(value, ast.Call):
            callee = self.expr_ref(value.func, scope)
            indirect = self._indirect_ref(value, callee, scope)
            if indirect is not None:
                return indirect
            if callee.kind == "g" and _dotted(callee) in _PARTIALS and value.args:
                # ``run = partial(loop, 5)``: calling ``run`` runs ``loop``.
                return self._callable_ref(value.args[0], scope, qual_prefix)
            if callee.kind == "g":
                return Ref("i", _dotted(callee))
            if callee.kind == "c" or (callee.kind in ("i", "s") and callee.attrs):
                # ``inst.factory()``: what the method returns (the linker knows for external types only);
                # ``import_string(settings.X)()``: an instance of the class the setting names.
                return Ref(callee.kind, callee.head, (*callee.attrs, "()"))
        return _UNKNOWN

    def _annotation_ref(self, node: ast.expr, scope: _Scope) -> Ref | None:
        """The instance type an annotation promises: ``X``, ``X | None``, ``Optional[X]``, ``"X"``, ``list[X]`` -> list."""
        if isinstance(node, ast.Constant):
            if isinstance(node.value, str):
                try:
                    parsed = ast.parse(node.value, mode="eval").body
                except SyntaxError:
                    return None
                return self._annotation_ref(parsed, scope)
            return None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            sides = [self._annotation_ref(side, scope) for side in (node.left, node.right)]
            known = [side for side in sides if side is not None]
            nones = sum(isinstance(side, ast.Constant) and side.value is None for side in (node.left, node.right))
            return known[0] if len(known) == 1 and nones == 1 else None
        if isinstance(node, ast.Subscript):
            base = self.expr_ref(node.value, scope)
            dotted = _dotted(base) if base.kind == "g" else ""
            members = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            if dotted == "typing.Optional":
                return self._annotation_ref(members[0], scope)
            if dotted == "typing.Union":
                known = [m for m in members if not (isinstance(m, ast.Constant) and m.value is None)]
                return self._annotation_ref(known[0], scope) if len(known) == 1 else None
            if dotted in _WRAPPING_ANNOTATIONS:
                return self._annotation_ref(members[0], scope)
            return self._annotation_ref(node.value, scope)
        if isinstance(node, (ast.Name, ast.Attribute)):
            ref = self.expr_ref(node, scope)
            return Ref("i", _dotted(ref)) if ref.kind == "g" else None
        return None

    @staticmethod
    def _lambda_name(node: ast.Lambda) -> str:
        return f"<lambda@{node.lineno}:{node.col_offset + 1}>"

    # -------------------------------------------------------------- resolution
    def lookup(self, name: str, scope: _Scope) -> Ref | None:
        current: _Scope | None = scope
        first = True
        while current is not None:
            # Class bodies are not visible from methods (Python scoping).
            if current.kind != "class" or first:
                ref = current.bindings.get(name)
                if ref is not None:
                    return ref
            first = False
            current = current.parent
        if self.star_imports:
            return Ref("g", f"{self.star_imports[0]}.{name}")
        if name in _BUILTINS:
            return Ref("g", f"builtins.{name}")
        return None

    def expr_ref(self, node: ast.expr, scope: _Scope) -> Ref:
        if isinstance(node, ast.Name):
            ref = self.lookup(node.id, scope)
            if ref is None or ref.kind == "u":
                return Ref("u", node.id)
            return ref
        if isinstance(node, ast.Attribute):
            base = self.expr_ref(node.value, scope)
            if base.kind == "u":
                return Ref("u", _unparse(node))
            return Ref(base.kind, base.head, (*base.attrs, node.attr))
        if isinstance(node, ast.Call):
            callee = self.expr_ref(node.func, scope)
            indirect = self._indirect_ref(node, callee, scope)
            if indirect is not None:
                return indirect
            if callee.kind == "g":
                if callee.head == "builtins.super" and not callee.attrs and scope.class_qualname:
                    return Ref("s", f"{self.module}.{scope.class_qualname}")
                return Ref("i", _dotted(callee))
            if callee.kind == "c" or (callee.kind in ("i", "s") and callee.attrs):
                return Ref(callee.kind, callee.head, (*callee.attrs, "()"))
            return Ref("u", _unparse(node))
        if isinstance(node, ast.Constant) and node.value is not None:
            return Ref("i", f"builtins.{type(node.value).__name__}")
        literal = _LITERAL_TYPES.get(type(node))
        if literal is not None:
            return Ref("i", literal)
        return Ref("u", _unparse(node))

    def _indirect_ref(self, node: ast.Call, callee: Ref, scope: _Scope) -> Ref | None:
        """``import_string("pkg.mod.f")``, ``import_module("pkg.mod")``, ``import_string(settings.X)``: what the result names."""
        if callee.kind != "g" or not node.args or _dotted(callee) not in _IMPORTERS:
            return None
        arg = node.args[0]
        text: str | None = None
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            text = arg.value
        elif isinstance(arg, ast.Name) and arg.id in self.str_constants:
            text = self.str_constants[arg.id]
        elif isinstance(arg, ast.Attribute) and self._is_settings(arg.value, scope):
            return Ref("c", arg.attr)
        elif (
            isinstance(arg, ast.Call)
            and isinstance(arg.func, ast.Name)
            and arg.func.id == "getattr"
            and len(arg.args) >= 2
            and self._is_settings(arg.args[0], scope)
            and isinstance(arg.args[1], ast.Constant)
            and isinstance(arg.args[1].value, str)
        ):
            return Ref("c", arg.args[1].value)
        if text is None:
            return None
        text = text.replace(":", ".")
        return Ref("g", text) if _DOTTED_PATH.match(text) else None

    def _is_settings(self, node: ast.expr, scope: _Scope) -> bool:
        ref = self.expr_ref(node, scope)
        return ref.kind == "g" and _dotted(ref) in _SETTINGS

    # ------------------------------------------------------------------ module
    def run(self, tree: ast.Module) -> ModuleFacts:
        scope = self.module_scope
        self._collect_bindings(scope, tree.body, "")
        main_blocks = [stmt for stmt in tree.body if _is_main_guard(stmt)]
        module_code = [stmt for stmt in tree.body if not _is_main_guard(stmt)]
        module_code.extend(s for block in main_blocks for s in block.orelse)  # type: ignore[attr-defined]
        self._function(MODULE_CODE, module_code, scope, None, tree, is_module=True)
        if main_blocks:
            body = [s for block in main_blocks for s in block.body]  # type: ignore[attr-defined]
            self._function(MAIN_CODE, body, scope, None, main_blocks[0], is_module=True)
        return ModuleFacts(
            module=self.module,
            is_package=self.is_package,
            bindings=tuple(scope.bindings.items()),
            star_imports=tuple(self.star_imports),
            functions=tuple(self.functions),
            classes=tuple(self.classes),
            constants=tuple(sorted((k, v) for k, v in self.str_constants.items() if "." in v and _DOTTED_PATH.match(v))),
        )

    def _class(self, node: ast.ClassDef, parent: _Scope, qual_prefix: str) -> None:
        qualname = f"{qual_prefix}{node.name}"
        scope = _Scope("class", qualname, parent, class_qualname=None)
        self._collect_bindings(scope, node.body, f"{qualname}.")
        bases = tuple(self.expr_ref(base, parent) for base in node.bases)
        self.attr_types[qualname] = {}
        methods: list[str] = []
        for stmt in node.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                methods.append(stmt.name)
            elif isinstance(stmt, (ast.Assign, ast.AnnAssign)):
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        ref = self._value_ref(stmt.value, parent, qual_prefix)
                        if isinstance(stmt, ast.AnnAssign) and ref.kind == "u":
                            ref = self._annotation_ref(stmt.annotation, parent) or ref
                        if ref.kind != "u":
                            self.attr_types[qualname][target.id] = ref
        # Nested definitions get their own facts; the class body itself runs at import time
        # and is attributed to the enclosing code by the caller's walk.
        for stmt in node.body:
            self._definitions_in(stmt, scope, f"{qualname}.", class_qualname=qualname)
        self.classes.append(
            ClassFact(
                qualname,
                node.lineno,
                bases,
                tuple(methods),
                tuple(sorted((a, r) for a, r in self.attr_types[qualname].items() if r.kind != "u")),
            )
        )

    def _definitions_in(self, stmt: ast.stmt, scope: _Scope, qual_prefix: str, class_qualname: str | None) -> None:
        """Extract defs/classes reachable without entering another function body."""
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self._def(stmt, scope, qual_prefix, class_qualname)
        elif isinstance(stmt, ast.ClassDef):
            self._class(stmt, scope, qual_prefix)
        else:
            for child in ast.iter_child_nodes(stmt):
                if isinstance(child, ast.stmt):
                    self._definitions_in(child, scope, qual_prefix, class_qualname)
                elif isinstance(child, (ast.excepthandler, ast.match_case)):
                    for sub in child.body:
                        self._definitions_in(sub, scope, qual_prefix, class_qualname)

    def _def(self, node: ast.FunctionDef | ast.AsyncFunctionDef, parent: _Scope, qual_prefix: str, class_qualname: str | None) -> None:
        qualname = f"{qual_prefix}{node.name}"
        scope = _Scope("function", qualname, parent, class_qualname=class_qualname)
        args = node.args
        params = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
        if args.vararg:
            params.append(args.vararg.arg)
        if args.kwarg:
            params.append(args.kwarg.arg)
        for name in params:
            scope.bindings[name] = _UNKNOWN
        for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs):
            if arg.annotation is not None:
                typed = self._annotation_ref(arg.annotation, parent)
                if typed is not None:
                    scope.bindings[arg.arg] = typed
        decorator_names = {
            d.id if isinstance(d, ast.Name) else d.attr if isinstance(d, ast.Attribute) else "" for d in node.decorator_list
        }
        positional = [a.arg for a in (*args.posonlyargs, *args.args)]
        if class_qualname is not None and positional and "staticmethod" not in decorator_names:
            class_dotted = f"{self.module}.{class_qualname}"
            scope.bindings[positional[0]] = Ref("g", class_dotted) if "classmethod" in decorator_names else Ref("i", class_dotted)
        self._collect_bindings(scope, node.body, f"{qualname}.<locals>.")
        decorators = tuple(self._decorator_fact(d, parent) for d in node.decorator_list)
        self_name = positional[0] if class_qualname is not None and positional and "staticmethod" not in decorator_names else None
        self._function(qualname, node.body, scope, class_qualname, node, decorators=decorators, self_name=self_name)

    def _record_attr_type(
        self, node: ast.Assign | ast.AnnAssign, self_name: str | None, scope: _Scope, qual_prefix: str, types: dict[str, Ref]
    ) -> None:
        """``self.attr = Ctor(...)`` anywhere in a method: the class's attribute holds a ``Ctor`` instance."""
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == self_name:
                ref = self._value_ref(node.value, scope, qual_prefix)
                if isinstance(node, ast.AnnAssign) and ref in (_NONE, _UNKNOWN):
                    ref = self._annotation_ref(node.annotation, scope) or ref
                old = types.get(target.attr)
                if ref == _NONE:
                    types.setdefault(target.attr, _NONE)
                elif ref.kind == "u" or (old is not None and old not in (_NONE, ref)):
                    types[target.attr] = _UNKNOWN
                else:
                    types[target.attr] = ref

    def _decorator_fact(self, node: ast.expr, scope: _Scope) -> CallFact:
        if isinstance(node, ast.Call):
            first = node.args[0] if node.args else None
            first_str = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
            return CallFact(node.lineno, node.col_offset + 1, self.expr_ref(node.func, scope), first_str=first_str)
        return CallFact(node.lineno, node.col_offset + 1, self.expr_ref(node, scope))

    # ---------------------------------------------------------------- function
    def _function(
        self,
        qualname: str,
        body: Sequence[ast.stmt] | ast.expr,
        scope: _Scope,
        class_qualname: str | None,
        node: ast.AST,
        *,
        decorators: tuple[CallFact, ...] = (),
        is_module: bool = False,
        is_lambda: bool = False,
        self_name: str | None = None,
    ) -> None:
        calls: list[CallFact] = []
        loops: list[LoopFact] = []
        env_strings: set[str] = set()
        lifespan: list[bool] = []
        nested: list[tuple[ast.AST, str]] = []
        # Python's __qualname__ convention (the verifier's too): ``outer.<locals>.inner``.
        qual_prefix = "" if is_module else f"{qualname}.<locals>."
        stmts: Sequence[ast.AST] = [body] if isinstance(body, ast.expr) else body

        str_constants = self.str_constants
        attr_types = self.attr_types.get(class_qualname) if self_name is not None and class_qualname is not None else None

        def visit(n: ast.AST, loop_stack: list[ast.While]) -> None:
            kind = type(n)
            if kind is ast.Name:
                if n.id in str_constants:  # type: ignore[attr-defined]
                    env_strings.add(str_constants[n.id])  # type: ignore[attr-defined]
                return
            if kind is ast.Constant:
                value = n.value  # type: ignore[attr-defined]
                if type(value) is str:
                    if _ENV_LIKE.match(value):
                        env_strings.add(value)
                    elif value == "lifespan.startup":
                        lifespan.append(True)
                return
            if kind is ast.FunctionDef or kind is ast.AsyncFunctionDef:
                for d in n.decorator_list:  # type: ignore[attr-defined]
                    visit(d, loop_stack)
                for default in (*n.args.defaults, *[d for d in n.args.kw_defaults if d is not None]):  # type: ignore[attr-defined]
                    visit(default, loop_stack)
                nested.append((n, "def"))
                return
            if kind is ast.ClassDef:
                nested.append((n, "class"))
                if is_module:
                    # Class bodies run at import time: their calls belong to module code.
                    for base in n.bases:  # type: ignore[attr-defined]
                        visit(base, loop_stack)
                    for stmt in n.body:  # type: ignore[attr-defined]
                        if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                            visit(stmt, loop_stack)
                return
            if kind is ast.Lambda:
                nested.append((n, "lambda"))
                return
            if kind is ast.While:
                loop_stack = [*loop_stack, n]  # type: ignore[list-item]
            elif kind is ast.Call:
                fact = self._call_fact(n, scope, qual_prefix)  # type: ignore[arg-type]
                calls.append(fact)
                if loop_stack and self._is_wait(fact.ref):
                    waits = _dotted(fact.ref) if fact.ref.kind == "g" else f".{fact.ref.attrs[-1] if fact.ref.attrs else 'wait'}()"
                    for loop in loop_stack:
                        loops.append(LoopFact(loop.lineno, loop.col_offset + 1, waits))
            elif attr_types is not None and (kind is ast.Assign or kind is ast.AnnAssign):
                self._record_attr_type(n, self_name, scope, qual_prefix, attr_types)  # type: ignore[arg-type]
            fields = _CHILD_FIELDS.get(kind)
            if fields is None:
                fields = _CHILD_FIELDS[kind] = tuple(f for f in n._fields if f not in _LEAF_FIELDS)
            for field in fields:
                value = getattr(n, field, None)
                if type(value) is list:
                    for item in value:
                        if isinstance(item, ast.AST):
                            visit(item, loop_stack)
                elif isinstance(value, ast.AST):
                    visit(value, loop_stack)

        for stmt in stmts:
            visit(stmt, [])

        guard_calls: list[Ref] = []
        returns_only = False
        if not is_module and not isinstance(body, ast.expr):
            for stmt in body:
                if isinstance(stmt, ast.If):
                    for sub in ast.walk(stmt.test):
                        if isinstance(sub, ast.Call):
                            guard_calls.append(self.expr_ref(sub.func, scope))
            effective = [s for s in body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
            returns_only = len(effective) == 1 and isinstance(effective[0], ast.Return) and effective[0].value is not None
        elif isinstance(body, ast.expr):
            returns_only = True

        unique_loops = tuple(dict.fromkeys(loops))
        line = getattr(node, "lineno", 1)
        column = getattr(node, "col_offset", 0) + 1
        self.functions.append(
            FunctionFact(
                qualname=qualname,
                line=line,
                column=column,
                class_qualname=class_qualname,
                calls=tuple(calls),
                loops=unique_loops,
                decorators=decorators,
                env_strings=frozenset(env_strings),
                guard_calls=tuple(guard_calls),
                returns_only=returns_only,
                is_lambda=is_lambda,
                lifespan_startup=bool(lifespan),
                spawn_target_lambda=is_lambda and id(node) in self.lambda_targets,
            )
        )
        for child, kind in nested:
            if kind == "def":
                assert isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
                self._def(child, scope, qual_prefix, class_qualname=None)
            elif kind == "class":
                assert isinstance(child, ast.ClassDef)
                self._class(child, scope, qual_prefix)
            else:
                assert isinstance(child, ast.Lambda)
                lam_scope = _Scope("function", f"{qual_prefix}{self._lambda_name(child)}", scope, class_qualname=scope.class_qualname)
                for a in (*child.args.posonlyargs, *child.args.args, *child.args.kwonlyargs):
                    lam_scope.bindings[a.arg] = _UNKNOWN
                self._function(
                    f"{qual_prefix}{self._lambda_name(child)}",
                    child.body,
                    lam_scope,
                    class_qualname,
                    child,
                    is_lambda=True,
                )

    def _is_wait(self, ref: Ref) -> bool:
        if ref.kind == "g" and _dotted(ref) in _SLEEPS:
            return True
        return bool(ref.attrs) and ref.attrs[-1] == "wait" or (ref.kind == "u" and ref.head.endswith(".wait"))

    def _call_fact(self, node: ast.Call, scope: _Scope, qual_prefix: str) -> CallFact:
        ref = self.expr_ref(node.func, scope)
        last = ref.attrs[-1] if ref.attrs else ref.head.rsplit(".", 1)[-1]
        if ref.kind == "u":
            last = ref.head.rsplit(".", 1)[-1]
        keywords = {kw.arg: kw.value for kw in node.keywords if kw.arg}
        target_node: ast.expr | None = next((keywords[k] for k in _TARGET_KEYWORDS if k in keywords), None)
        positions = self.positions
        if target_node is None and last in positions and len(node.args) > positions[last]:
            target_node = node.args[positions[last]]
        target = self._callable_ref(target_node, scope, qual_prefix) if target_node is not None else None
        first = node.args[0] if node.args else None
        first_str = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
        view: Ref | None = None
        view_is_class = False
        if last in _URL_FUNCTIONS:
            view_node = keywords.get("view") or (node.args[1] if len(node.args) > 1 else None)
            if isinstance(view_node, ast.Call) and isinstance(view_node.func, ast.Attribute) and view_node.func.attr == "as_view":
                view = self.expr_ref(view_node.func.value, scope)
                view_is_class = True
            elif view_node is not None and not isinstance(view_node, ast.Call):
                view = self.expr_ref(view_node, scope)
        callbacks: tuple[Ref, ...] = ()
        callback_kind: str | None = None
        if last == "connect" and (node.args or "receiver" in keywords):
            callbacks = (self._callable_ref(keywords.get("receiver") or node.args[0], scope, qual_prefix),)
            callback_kind = "connect"
        elif last == "add_event_handler" and len(node.args) > 1 and first_str == "startup":
            callbacks = (self._callable_ref(node.args[1], scope, qual_prefix),)
            callback_kind = "startup"
        elif "lifespan" in keywords:
            callbacks = (self._callable_ref(keywords["lifespan"], scope, qual_prefix),)
            callback_kind = "lifespan"
        elif "on_startup" in keywords and isinstance(keywords["on_startup"], (ast.List, ast.Tuple)):
            elements = keywords["on_startup"].elts  # type: ignore[attr-defined]
            callbacks = tuple(self._callable_ref(e, scope, qual_prefix) for e in elements if not isinstance(e, ast.Starred))
            callback_kind = "startup"
        elif last == "register" and node.args:
            callbacks = (self._callable_ref(node.args[0], scope, qual_prefix),)
            callback_kind = "register"  # a trigger only when the callee is atexit.register (decided by the graph)
        return CallFact(
            node.lineno,
            node.col_offset + 1,
            ref,
            target=target,
            first_str=first_str,
            view=view,
            view_is_class=view_is_class,
            callbacks=callbacks,
            callback_kind=callback_kind,
        )

    def _callable_ref(self, node: ast.expr, scope: _Scope, qual_prefix: str, *, lambdas: bool = True) -> Ref:
        """The function a value denotes: a name, a method, a lambda, ``partial(f)`` or ``coro()``.

        ``lambdas=False`` names a lambda without marking it as a spawn target
        (its body then still counts as code of the function that defines it).
        """
        if isinstance(node, ast.Lambda):
            if lambdas:
                self.lambda_targets.add(id(node))
            return Ref("g", f"{self.module}.{qual_prefix}{self._lambda_name(node)}")
        if isinstance(node, ast.Call):
            callee = self.expr_ref(node.func, scope)
            if callee.kind == "g" and _dotted(callee) in _PARTIALS and node.args:
                return self._callable_ref(node.args[0], scope, qual_prefix, lambdas=lambdas)
            return callee  # create_task(coro()) runs coro
        return self.expr_ref(node, scope)


def extract_facts(source: bytes, module: str, is_package: bool, positions: Mapping[str, int] | None = None) -> ModuleFacts:
    """Parse ``source`` with ``ast`` and return its facts (an ``error`` fact on bad input).

    ``positions`` maps the last name of configured spawners (``audit-spawners``)
    to the position of their function argument, on top of the built-in table's;
    the facts then depend on it, so the cache key must too.
    """
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, UnicodeDecodeError) as exc:
        from thor_guard.errors import describe_source_error  # the one wording check and apply use too

        return ModuleFacts(module, is_package, (), (), (), (), error=describe_source_error(source, exc))
    return _Extractor(module, is_package, positions).run(tree)
