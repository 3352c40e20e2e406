"""Cross-module resolution from facts: what each reference denotes in the whole project.

Works on :class:`ModuleFacts` only (no AST). A dotted path is split at its
longest prefix that is a project module, then followed attribute by attribute
through module bindings (imports and re-exports, definitions, singletons),
classes (methods by a left-to-right depth-first MRO, ``self.attr`` types) and
instances. Anything outside the project stays an external dotted name
(``threading.Thread``), which is how spawn APIs are recognised.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

from thor_guard.audit.model import ClassFact, FunctionFact, ModuleFacts, Ref


class Sym(NamedTuple):
    """What a reference denotes.

    kinds: ``func`` / ``class`` / ``inst`` (project ``module``, ``name`` = qualname),
    ``mod`` (``module``), ``ext`` (external dotted ``name``), ``extinst`` (instance of
    external ``name``), ``extmeth`` (method ``name`` of an instance of external ``module``),
    ``unparsed`` (project code outside the analysed set).
    """

    kind: str
    module: str
    name: str = ""


_MAX_DEPTH = 40
INCOMPLETE = "<unparsed base>"


def is_settings_module(module: str) -> bool:
    """``proj.settings``, ``proj.settings.prod``, ``conf.base_settings``: where Django settings constants live."""
    return any(part == "settings" or part.endswith("_settings") for part in module.split("."))


class ModuleIndex:
    """Fast lookups into one module's facts."""

    __slots__ = ("bindings", "classes", "facts", "functions")

    def __init__(self, facts: ModuleFacts) -> None:
        self.facts = facts
        self.functions: dict[str, FunctionFact] = {f.qualname: f for f in facts.functions}
        self.classes: dict[str, ClassFact] = {c.qualname: c for c in facts.classes}
        self.bindings: dict[str, Ref] = dict(facts.bindings)


class Linker:
    """Resolves :class:`Ref`s against the parsed part of the project.

    ``modules`` is every module name in the tree (parsed or not) so that a
    reference into a file that was never parsed is known to be project code;
    ``ensure`` may parse such a module on demand (used sparingly: base classes
    and guard helpers).
    """

    def __init__(
        self,
        modules: set[str],
        facts: Mapping[str, ModuleFacts],
        ensure: Callable[[str], ModuleFacts | None] | None = None,
        memo: dict[Ref, Sym] | None = None,
    ) -> None:
        self.modules = modules
        self.index: dict[str, ModuleIndex] = {m: ModuleIndex(f) for m, f in facts.items()}
        self._ensure = ensure
        self.memo: dict[Ref, Sym] = memo if memo is not None else {}
        self._mro_cache: dict[tuple[str, str], tuple[list[tuple[str, str]], set[str]]] = {}
        self._settings: list[str] | None = None

    def module_index(self, module: str, *, load: bool = False) -> ModuleIndex | None:
        found = self.index.get(module)
        if found is None and load and self._ensure is not None and module in self.modules:
            facts = self._ensure(module)
            if facts is not None:
                found = self.index[module] = ModuleIndex(facts)
                self._mro_cache.clear()
        return found

    # ------------------------------------------------------------------ paths
    def resolve_dotted(self, dotted: str, depth: int = 0) -> Sym | None:
        parts = dotted.split(".")
        for i in range(len(parts), 0, -1):
            module = ".".join(parts[:i])
            if module in self.modules:
                sym: Sym | None = Sym("mod", module)
                for attr in parts[i:]:
                    sym = self.member(sym, attr, depth + 1)
                    if sym is None:
                        return None
                return sym
        return Sym("ext", dotted)

    def resolve(self, ref: Ref, depth: int = 0) -> Sym | None:
        """What ``ref`` denotes; settled answers are memoised across the rounds of one run.

        Parsing more modules can only turn "unknown" or "unparsed" into an
        answer, never change an answer, so only those two are recomputed.
        """
        if depth == 0:
            known = self.memo.get(ref)
            if known is not None:
                return known
            found = self._resolve(ref, 0)
            if found is not None and found.kind != "unparsed":
                self.memo[ref] = found
            return found
        return self._resolve(ref, depth)

    def _resolve(self, ref: Ref, depth: int) -> Sym | None:
        if depth > _MAX_DEPTH or ref.kind == "u":
            return None
        if ref.kind == "s":
            owner = self.resolve_dotted(ref.head, depth + 1)
            if owner is None or owner.kind != "class" or not ref.attrs:
                return None
            sym: Sym | None = self._method_in_mro(owner, ref.attrs[0], skip_first=True)
            for attr in ref.attrs[1:]:
                if sym is None:
                    return None
                sym = self.member(sym, attr, depth + 1)
            return sym
        sym = self._setting(ref.head, depth) if ref.kind == "c" else self.resolve_dotted(ref.head, depth + 1)
        if ref.kind == "i" and sym is not None:
            sym = self.instantiate(sym)
        for attr in ref.attrs:
            if sym is None:
                return None
            sym = self.member(sym, attr, depth + 1)
        return sym

    def _setting(self, name: str, depth: int) -> Sym | None:
        """What the dotted path in setting ``name`` names: the first parsed settings module (by name) that defines it.

        A settings module is parsed when its string spells a name on a spawn
        path (the backward search), so one that is not parsed names nothing
        that matters.
        """
        if self._settings is None:
            self._settings = sorted(m for m in self.modules if is_settings_module(m))
        for module in self._settings:
            index = self.module_index(module)
            if index is None:
                continue
            for constant, value in index.facts.constants:
                if constant == name:
                    return self.resolve_dotted(value, depth + 1)
        return None

    @staticmethod
    def instantiate(sym: Sym) -> Sym | None:
        if sym.kind == "class":
            return Sym("inst", sym.module, sym.name)
        if sym.kind == "ext":
            return Sym("extinst", sym.module)
        if sym.kind == "unparsed":
            return sym
        return None

    def member(self, sym: Sym | None, attr: str, depth: int = 0) -> Sym | None:
        if sym is None or depth > _MAX_DEPTH:
            return None
        kind = sym.kind
        if attr == "()":  # the result of calling ``sym``
            if kind == "ext":
                return Sym("extinst", sym.module)
            if kind == "extmeth":
                return Sym("extinst", f"{sym.module}.{sym.name}")
            if kind == "class":
                return Sym("inst", sym.module, sym.name)
            return sym if kind == "unparsed" else None
        if kind == "mod":
            return self._module_member(sym.module, attr, depth)
        if kind == "class":
            found = self._method_in_mro(sym, attr)
            if found is not None:
                return found
            nested = self._nested_class(sym, attr)
            if nested is not None:
                return nested
            return self._attr_in_mro(sym, attr, depth) or self._external_attr(sym, attr)
        if kind == "inst":
            found = self._method_in_mro(sym, attr)
            if found is not None:
                return found
            typed = self._attr_in_mro(sym, attr, depth)
            if typed is not None:
                return typed
            return self._external_attr(sym, attr, instance=True)
        if kind == "ext":
            return Sym("ext", f"{sym.module}.{attr}")
        if kind == "extinst":
            return Sym("extmeth", sym.module, attr)
        if kind == "extmeth":  # an attribute of an external object's attribute: still external code
            return Sym("extmeth", f"{sym.module}.{sym.name}", attr)
        if kind == "unparsed":
            return Sym("unparsed", f"{sym.module}.{attr}")
        if kind == "func" and attr == "<locals>":
            return Sym("locals", sym.module, sym.name)
        if kind == "locals":
            index = self.index.get(sym.module)
            qualname = f"{sym.name}.<locals>.{attr}"
            if index is not None and qualname in index.functions:
                return Sym("func", sym.module, qualname)
            if index is not None and qualname in index.classes:
                return Sym("class", sym.module, qualname)
        return None

    def _module_member(self, module: str, attr: str, depth: int) -> Sym | None:
        submodule = f"{module}.{attr}"
        index = self.index.get(module)
        if index is None:
            if submodule in self.modules:
                return Sym("mod", submodule)
            return Sym("unparsed", submodule)
        binding = index.bindings.get(attr)
        own = Ref("g", submodule)
        if binding is None or binding == own:
            if attr in index.functions:
                return Sym("func", module, attr)
            if attr in index.classes:
                return Sym("class", module, attr)
        if binding is not None and binding != own:
            if binding.kind == "u":
                return None
            return self.resolve(binding, depth + 1)
        if submodule in self.modules:
            return Sym("mod", submodule)
        for star in index.facts.star_imports:
            found = self.resolve_dotted(f"{star}.{attr}", depth + 1)
            if found is not None and found.kind != "unparsed":
                return found
        return None

    # ---------------------------------------------------------------- classes
    def mro(self, cls: Sym, *, load: bool = False) -> tuple[list[tuple[str, str]], set[str]]:
        """Project classes in method-resolution order (depth-first) and the names of all ancestors.

        The name set holds external bases (``threading.Thread``) and the dotted
        names of project ancestors (so ``django.apps.AppConfig`` is recognised
        when Django itself is the audited tree), plus :data:`INCOMPLETE` when a
        base lives in a module that was not parsed and ``load`` is false.
        """
        key = (cls.module, cls.name, load)
        cached = self._mro_cache.get(key)
        if cached is not None:
            return cached
        order: list[tuple[str, str]] = []
        names: set[str] = set()
        stack = [(cls.module, cls.name)]
        while stack:
            current = stack.pop(0)
            if current in order or len(order) > 50:
                continue
            index = self.module_index(current[0], load=load)
            fact = index.classes.get(current[1]) if index else None
            if fact is None:
                continue
            order.append(current)
            if current != (cls.module, cls.name):
                names.add(f"{current[0]}.{current[1]}")
            bases: list[tuple[str, str]] = []
            for base in fact.bases:
                sym = self.resolve(base)
                if sym is None:
                    continue
                if sym.kind == "class":
                    bases.append((sym.module, sym.name))
                elif sym.kind == "ext":
                    names.add(sym.module)
                elif sym.kind == "unparsed":
                    loaded = self._load_unparsed_class(sym.module) if load else None
                    if loaded is not None:
                        bases.append(loaded)
                    else:
                        names.add(INCOMPLETE)
            stack[0:0] = bases
        result = (order, names)
        self._mro_cache[key] = result
        return result

    def _load_unparsed_class(self, dotted: str) -> tuple[str, str] | None:
        """A base class in a module outside the analysed set: parse that module on demand."""
        parts = dotted.split(".")
        for i in range(len(parts) - 1, 0, -1):
            module = ".".join(parts[:i])
            if module in self.modules:
                if self.module_index(module, load=True) is None:
                    return None
                sym = self.resolve_dotted(dotted)
                return (sym.module, sym.name) if sym is not None and sym.kind == "class" else None
        return None

    def _method_in_mro(self, cls: Sym, name: str, *, skip_first: bool = False) -> Sym | None:
        """The function ``name`` finds on ``cls`` in MRO order: a ``def`` in a class body, or a class-body assignment
        of a known function (``start = Base.spawn`` in a subclass overrides ``Base.start``; hostile review 11)."""
        order, _ = self.mro(cls)
        for module, qualname in order[1:] if skip_first else order:
            index = self.index.get(module)
            if index is None:
                continue
            if f"{qualname}.{name}" in index.functions:
                return Sym("func", module, f"{qualname}.{name}")
            fact = index.classes.get(qualname)
            assigned = next((ref for attr, ref in fact.attr_types if attr == name), None) if fact is not None else None
            if assigned is not None:
                found = self.resolve(assigned, 1)
                return found if found is not None and found.kind == "func" else None
        return None

    def _nested_class(self, cls: Sym, name: str) -> Sym | None:
        index = self.index.get(cls.module)
        if index is not None and f"{cls.name}.{name}" in index.classes:
            return Sym("class", cls.module, f"{cls.name}.{name}")
        return None

    def _attr_in_mro(self, cls: Sym, name: str, depth: int) -> Sym | None:
        order, _ = self.mro(cls)
        for module, qualname in order:
            index = self.index.get(module)
            fact = index.classes.get(qualname) if index else None
            if fact is None:
                continue
            for attr, ref in fact.attr_types:
                if attr == name:
                    return self.resolve(ref, depth + 1)
        return None

    def _external_attr(self, cls: Sym, name: str, *, instance: bool = False) -> Sym | None:
        _, names = self.mro(cls)
        order = self.mro(cls)[0]
        project = {f"{m}.{q}" for m, q in order}
        external = sorted(n for n in names if n not in project and n != INCOMPLETE)
        if not external or INCOMPLETE in names:  # a base we have not read may define it
            return None
        base = external[0]
        return Sym("extmeth", base, name) if instance else Sym("ext", f"{base}.{name}")

    def ancestor_names(self, cls: Sym, *, load: bool = False) -> set[str]:
        return self.mro(cls, load=load)[1]
