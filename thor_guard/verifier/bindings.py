"""Bindings are proven, not assumed: every place a module-level name can be (re)bound.

The census is taken with Python's own parser over the *whole* source (never
over ``check``'s skeleton, whose stubbed bodies would hide a ``global os``
rebinding), so its line numbers are the file's. For each module-level name it
records every binding site: imports, assignments (also augmented, annotated,
in ``for``/``with``/``try``/``match`` blocks and walrus), ``def``/``class``,
``del``, and ``global NAME`` declarations in any function. It also records the
*hazards* that can rebind any name without naming it: star imports,
``globals()``/``vars()``/``exec``/``eval``/``__import__``, ``sys.modules``,
``__dict__``, ``setattr`` on a module, and attribute stores on an imported
module (``os.getenv = ...``).

:meth:`ModuleBindings.problem` answers "can the verifier trust what this
name is bound to?" with ``None`` or a message that names the binding and its
line; the evaluator turns a message into TG009. Bindings made from *other*
modules (``import feed; feed.os = X``) are outside the census: that is a
documented assumption (docs/check.md).
"""

from __future__ import annotations

import ast
import builtins
import io
import re
import sys
import tokenize
import unicodedata
from collections import deque
from collections.abc import Container, Iterator
from dataclasses import dataclass, field

from thor_guard.verifier.import_time import call_spelling, import_time_writes
from thor_guard.verifier.reach import Reach, import_time_reach


@dataclass(frozen=True)
class Binding:
    """One site that binds a module-level name: its kind (``import``, ``assign``, ``def``, ``global``…), line and source."""

    name: str
    kind: str
    line: int
    text: str
    target: str | None = None
    """For imports: the dotted name bound (``import os as o`` binds ``os``; ``from os import getenv`` binds ``os.getenv``)."""
    conditional: bool = False
    """Made inside a module-level ``if``/``try``/``with``/loop block: it may never happen."""


MODULE_GETATTR = "a module __getattr__"
IMPLICIT_MODULE_NAMES = frozenset(
    {"__name__", "__file__", "__doc__", "__package__", "__spec__", "__loader__", "__builtins__", "__path__", "__cached__"}
)
"""Names the import system binds in every module's namespace before its code runs."""
_IMPORT_LOCATION_NAMES = ("__package__", "__spec__")
"""Module globals the import system reads to resolve a relative import. (A package's ``__path__`` store is the
import-system patch of that package, recorded by the import walk.)"""
LOADER_SET_NAMES = IMPLICIT_MODULE_NAMES - {"__path__"}
"""Of those, the ones a module imported from a ``.py`` file always has (``__path__`` only a package has)."""


@dataclass(frozen=True)
class Hazard:
    """A statement that can rebind module names without naming them (star import, ``globals()``…)."""

    kind: str
    line: int
    text: str
    names: frozenset[str] | None = None
    """The module names it can rebind (``os.getenv = f`` affects ``os``); None means any name."""
    module: str | None = None
    """For a star import, the module it copies names from, as written (``.constants``): the walk narrows
    :attr:`names` to that module's exports when they are known (review 9, FA9-12)."""


@dataclass
class ModuleBindings:
    """The census of one module's source (see the module docstring)."""

    names: dict[str, list[Binding]] = field(default_factory=dict)
    hazards: list[Hazard] = field(default_factory=list)
    classes: dict[str, dict[str, list[Binding]]] = field(default_factory=dict)
    """Class qualname -> name -> bindings made directly in that class body."""
    imports: list[str] = field(default_factory=list)
    """Dotted names of modules imported by module-level statements (relative ones as written: ``.util``); importing
    this module imports them too."""
    patches: list[tuple[str, int, str]] = field(default_factory=list)
    """Attribute stores on *imported* modules (``os.environ = X`` -> ``("os", line, text)``): they change what every
    other module reads from that module once this one is imported."""
    runs: list[str] = field(default_factory=list)
    """Objects of other modules that import-time code refers to (``.boot.setup``): the import walk follows their code
    (:attr:`thor_guard.verifier.reach.Reach.runs`)."""

    def bindings(self, name: str) -> list[Binding]:
        return self.names.get(name, [])

    def hazard_for(self, name: str, *, own_lookup: bool = False) -> Hazard | None:
        """The first hazard that can rebind module-level ``name``, else None.

        ``own_lookup``: the question is about the module's own code looking ``name`` up (a global or builtin name in
        one of its functions or class bodies), not about another module reading it as an attribute of this one.
        A module ``__getattr__`` (PEP 562) is then never consulted: ``LOAD_GLOBAL`` reads the module's dict and
        ``builtins``, never the module object's attributes (click 8.2's ``core.__getattr__`` does not make
        ``@property`` in ``click.core`` unprovable).
        """
        for hazard in self.hazards:
            if hazard.kind == MODULE_GETATTR and (own_lookup or name in IMPLICIT_MODULE_NAMES or self._held_before(name, hazard.line)):
                # PEP 562: a module __getattr__ answers only for names missing from the module's namespace (and
                # never for the module's own global look-ups); a name bound unconditionally before __getattr__ is
                # defined, and deleted nowhere, is never one of them.
                continue
            if hazard.names is None or name in hazard.names:
                return hazard
        return None

    def served_by_getattr(self, name: str) -> bool:
        """Whether reading ``name`` from outside the module (``m.name``, ``from m import name``) may call the module's
        ``__getattr__`` (PEP 562): it defines one, and ``name`` may be missing from the namespace at that moment (bound
        nowhere, only under a condition, deleted somewhere, or only after ``__getattr__`` is defined)."""
        hazard = next((h for h in self.hazards if h.kind == MODULE_GETATTR), None)
        return hazard is not None and name not in IMPLICIT_MODULE_NAMES and not self._held_before(name, hazard.line)

    def _held_before(self, name: str, line: int) -> bool:
        """``name`` is bound by an unconditional module-level statement before ``line`` and never deleted: bound after
        it, an import cycle could read it in between; deleted, the namespace may miss it again."""
        sites = self.names.get(name, ())
        if any(site.kind in ("del", "global") for site in sites):  # `global X` in a function may `del X` too
            return False
        if any(h.kind != MODULE_GETATTR and (h.names is None or name in h.names) for h in self.hazards):
            return False  # `globals().pop("X")`, `delattr(sys.modules[__name__], "X")`: removed without naming it
        return any(not site.conditional and site.kind not in ("global", "del") and site.line < line for site in sites)

    def problem(self, name: str, *, own_lookup: bool = False) -> str | None:
        """None when every binding of module-level ``name`` is known and agrees; else why not, naming the binding and line.

        ``own_lookup``: see :meth:`hazard_for` (the module's own code looks the name up: no module ``__getattr__``).

        Known and agreeing means: nothing can rebind it behind the census's
        back (no hazard), no ``global`` declaration rebinds it, and its
        bindings are either all imports of the same dotted name, or exactly one
        plain assignment/``def``/``class`` at module level.
        """
        hazard = self.hazard_for(name, own_lookup=own_lookup)
        if hazard is not None:
            return f"'{name}' cannot be proven: {hazard.kind} at line {hazard.line} ('{hazard.text}') can rebind it"
        sites = self.bindings(name)
        for site in sites:
            if site.kind == "global":
                return f"'{name}' is rebound through 'global {name}' at line {site.line} ('{site.text}')"
        if not sites:
            return None
        if all(site.kind == "import" for site in sites) and len({site.target for site in sites}) == 1:
            return None
        if len(sites) == 1 and sites[0].conditional:
            return f"'{name}' is bound only under a condition at line {sites[0].line} ('{sites[0].text}'), so it may not exist"
        if len(sites) == 1 and sites[0].kind in ("assign", "def", "class", "annassign"):
            return None
        first = sites[0]
        other = next((s for s in sites[1:] if (s.kind, s.target) != (first.kind, first.target) or s.kind != "import"), first)
        return f"'{name}' is bound at line {first.line} ('{first.text}') and {_verb(other)} at line {other.line} ('{other.text}')"

    def class_problem(self, class_qualname: str, name: str) -> str | None:
        """None when ``name`` is bound exactly once in the class body (by its ``def``); else which binding replaces it."""
        sites = self.classes.get(class_qualname, {}).get(name, [])
        if len(sites) <= 1:
            return None
        other = sites[-1] if sites[-1].kind != "def" or len(sites) > 1 else sites[0]
        return f"'{class_qualname}.{name}' is rebound in the class body at line {other.line} ('{other.text}'), so the entry point is not this function"


def _verb(site: Binding) -> str:
    return {"augassign": "changed by augmented assignment", "del": "deleted", "for": "rebound by a for loop", "with": "rebound by a with block"}.get(site.kind, "rebound")


_TREES: dict[bytes | str, ast.Module | None] = {}
_TREES_SIZE = 8
"""A few recent trees: one entry-point file is read by the census, the attribute-store and logging scans and the
``def`` positions, all within one verification; the import walk's many modules bypass it (see :func:`import_edges`)."""


UNPARSABLE_TARGET = "?unparsable"
"""Patch target of a file Python cannot parse even lowered: what importing it runs is unknown, so every name read
through an import walk holding it is unproven (the site's text is the reason; hostile review 6, R6-20)."""


def python_ast(source: bytes | str) -> ast.Module | None:
    """The shared tree of ``source`` by the *target's* grammar (:func:`parse_python`); None when even that fails.

    Every whole-file scan (the census, attribute stores, the logging and
    mutable-constant censuses, ``def`` positions) reads this one tree, so a
    Python 3.12 file on a 3.11 interpreter is the same lowered tree for all of
    them (hostile review 6, R6-20). None means *unknown*, never "empty": each
    caller fails closed (see :func:`unparsable_reason`). The tree is shared,
    so callers must not mutate it.
    """
    if source in _TREES:
        return _TREES[source]
    tree = _without_main_blocks(_parse_target(source))
    if len(_TREES) >= _TREES_SIZE:
        _TREES.pop(next(iter(_TREES)))
    _TREES[source] = tree
    return tree


def _without_main_blocks(tree: ast.Module | None) -> ast.Module | None:
    """``tree`` with the body of each top-level ``if __name__ == "__main__":`` replaced by ``pass`` (review 9, FA9-4).

    The verifier's modules are imported, never run as the program: their ``__name__`` is their dotted name, so that
    block never runs with them (``logging.basicConfig()``, ``sys.path.insert(...)``, setting the mode to run the
    poller by hand). Kept when the module stores ``__name__`` itself. The ``else`` branch is what runs."""
    if tree is None or not any(_is_main_test(s) for s in tree.body if isinstance(s, ast.If)):
        return tree
    if any(isinstance(n, ast.Name) and n.id == "__name__" and not isinstance(n.ctx, ast.Load) for n in ast.walk(tree)):
        return tree
    body: list[ast.stmt] = []
    for statement in tree.body:
        if isinstance(statement, ast.If) and _is_main_test(statement):
            dead = ast.Pass(lineno=statement.lineno, col_offset=statement.col_offset, end_lineno=statement.lineno, end_col_offset=statement.col_offset)
            statement = ast.If(test=statement.test, body=[dead], orelse=statement.orelse, lineno=statement.lineno, col_offset=statement.col_offset, end_lineno=statement.end_lineno, end_col_offset=statement.end_col_offset)
        body.append(statement)
    return ast.Module(body=body, type_ignores=tree.type_ignores)


def _is_main_test(statement: ast.If) -> bool:
    test = statement.test
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)):
        return False
    sides = [test.left, test.comparators[0]]
    return any(isinstance(a, ast.Name) and a.id == "__name__" for a in sides) and any(isinstance(a, ast.Constant) and a.value == "__main__" for a in sides)


def unparsable_reason(source: bytes | str) -> str:
    """One line: why the running Python cannot parse ``source`` even lowered (``line 5: f-string: ...``).

    For messages of callers that got None from :func:`python_ast`/:func:`parse_python`.
    """
    try:
        ast.parse(source)
    except SyntaxError as exc:
        detail = (exc.msg or "invalid syntax").splitlines()[0]
        where = f"line {exc.lineno}: " if exc.lineno else ""
    except ValueError as exc:
        detail, where = str(exc).splitlines()[0] if str(exc) else "invalid source", ""
    else:
        detail, where = "its newer syntax cannot be lowered with the line numbers kept", ""
    return f"Python {sys.version_info.major}.{sys.version_info.minor} cannot parse it ({where}{detail})"


def parse_python(source: bytes | str, *, share: bool = True) -> ast.Module | None:
    """Python's ``ast`` of ``source`` judged by the *target's* grammar, not the running interpreter's; None if invalid.

    ``ast.parse`` only knows the running interpreter's syntax. When it refuses
    a source that libcst parses (``def start[T](x: T)``, ``type X = ...`` of
    Python 3.12 on a 3.11 interpreter), the source is lowered with libcst into
    the same bindings in older syntax — type parameters dropped (they bind
    only in their own annotation scope), ``type X = v`` as ``X = v`` — and
    parsed again. The lowering keeps every line where it was (or gives up),
    so line numbers stay the file's. Files ``ast`` accepts never pay for it.
    With ``share`` the tree is :func:`python_ast`'s memoised one. Syntax the
    lowering does not handle (PEP 701 f-strings reusing their quote) gives
    None: callers treat that file as unknown.
    """
    if share:
        return python_ast(source)
    return _without_main_blocks(_parse_target(source))


def _parse_target(source: bytes | str) -> ast.Module | None:
    try:
        return ast.parse(source)
    except (SyntaxError, ValueError):
        pass
    lowered = _lower_new_syntax(source)
    if lowered is None:
        return None
    try:
        return ast.parse(lowered)
    except (SyntaxError, ValueError):
        return None


def _lower_new_syntax(source: bytes | str) -> bytes | None:
    import libcst as cst

    try:
        module = cst.parse_module(source)
    except (cst.ParserSyntaxError, RecursionError, ValueError):  # not valid for the target either (or absurdly nested)
        return None

    class _Lower(cst.CSTTransformer):
        def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
            return updated.with_changes(type_parameters=None, whitespace_after_type_parameters=cst.SimpleWhitespace(""))

        def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
            return updated.with_changes(type_parameters=None, whitespace_after_type_parameters=cst.SimpleWhitespace(""))

        def leave_TypeAlias(self, original: cst.TypeAlias, updated: cst.TypeAlias) -> cst.Assign:
            return cst.Assign(targets=[cst.AssignTarget(updated.name)], value=updated.value, semicolon=updated.semicolon)

    try:
        lowered = module.visit(_Lower())
    except (cst.CSTValidationError, RecursionError):  # pragma: no cover - judged unparsable
        return None
    code = lowered.bytes
    original = source if isinstance(source, bytes) else source.encode(module.encoding)
    if code.count(b"\n") != original.count(b"\n") or code.count(b"\r") != original.count(b"\r"):
        return None  # type parameters spanning lines: the line numbers would move
    return code


_CENSUSES: dict[tuple[str | None, bytes | str], ModuleBindings] = {}
_CENSUSES_SIZE = 4096


def census(source: bytes | str, module: str | None = None, roots: frozenset[str] = frozenset()) -> ModuleBindings:
    """Take the census of ``source``; an unparsable source gives an empty census with one "any name" hazard.

    Judged by the target's grammar (see :func:`parse_python`): Python 3.12
    syntax is censused on a 3.11 interpreter too. Memoised by content: the
    analysed module and the import walk of :mod:`thor_guard.verifier.context`
    read the same files (callers must not mutate the result). ``roots``: names of this module (``setup``,
    ``Base.__init_subclass__``) another module's import-time code runs; their reach counts as import-time code too.
    """
    key = (module, source, roots)
    cached = _CENSUSES.get(key)
    if cached is None:
        if len(_CENSUSES) >= _CENSUSES_SIZE:
            _CENSUSES.pop(next(iter(_CENSUSES)))
        cached = _CENSUSES[key] = _census(source, module, roots=roots)
    return cached


@dataclass(frozen=True)
class ImportEdges:
    """What importing a module does to *other* modules: exactly :attr:`ModuleBindings.imports` and
    :attr:`ModuleBindings.patches` of its census, computed without the parts only the module's own names need."""

    imports: tuple[str, ...]
    patches: tuple[tuple[str, int, str], ...]
    runs: tuple[str, ...] = ()


def import_edges(source: bytes | str, module: str | None = None, roots: frozenset[str] = frozenset(), tree: ast.Module | None = None) -> ImportEdges:
    """The import walk's view of ``source``: equal to ``census(source, module)``'s ``imports`` and ``patches``.

    The import walk of :class:`thor_guard.verifier.context.HelperResolver`
    reads a few hundred modules per entry point and needs only these two
    lists. A store made in the body of a ``def`` or ``lambda`` runs when it is called,
    not on import, so it is a patch only when import-time code runs that body
    (:mod:`thor_guard.verifier.reach`; ``roots``: names of this module another
    module's import-time code runs): this pass walks no other function
    and lambda bodies (their decorators, defaults and annotations run on
    import and are walked), and skips the hazards, whose only use is the
    module's own names. The one fact a function body contributes to
    patches - a name assigned a module looked up at run time
    (``m = sys.modules[...]`` anywhere makes ``m.x = 1`` at module level a
    patch) - is searched for only when the source can contain such a look-up
    (see :func:`_may_look_up_module`); otherwise the bodies are walked as the
    census walks them. A census already taken of the same source is reused; memoised by content like the census.
    ``tree``: ``source``'s :func:`parse_python` tree when the caller has one (the walk parsed the file already).
    """
    key = (module, source, roots)
    edges = _EDGES.get(key)
    if edges is None:
        cached = _CENSUSES.get(key)
        result = cached if cached is not None else _census(source, module, edges_only=True, roots=roots, tree=tree)
        edges = ImportEdges(tuple(result.imports), tuple(result.patches), tuple(result.runs))
        if len(_EDGES) >= _CENSUSES_SIZE:
            _EDGES.pop(next(iter(_EDGES)))
        _EDGES[key] = edges
    return edges


_EDGES: dict[tuple[str | None, bytes | str, frozenset[str]], ImportEdges] = {}
"""Memo of :func:`import_edges` by content: each entry-point file has its own resolver, and their walks overlap."""


_LOOKUP_WORDS = (b"modules", b"import_module", b"__import__", b"reload", b"getmodule")
"""Every spelling :func:`_looks_up_module` can match has one of these words in it (``sys.modules``, the getters)."""


def _may_look_up_module(source: bytes | str) -> bool:
    """False only when ``source`` provably holds no expression :func:`_looks_up_module` accepts.

    Only an ASCII source without a coding declaration is judged by its text:
    a non-ASCII identifier may be an NFKC spelling of ``modules``, and a
    coding cookie (``utf-7``) may spell it in other bytes.
    """
    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    if not data.isascii() or b"coding" in data:
        return True
    return any(word in data for word in _LOOKUP_WORDS)


def every_body_patches(source: bytes | str, module: str | None = None, tree: ast.Module | None = None) -> tuple[tuple[str, int, str], ...]:
    """The patches of ``source`` as if every function body ran at import time (memoised by content).

    ``tree``: ``source`` already parsed by :func:`parse_python` (the caller's copy is read, never changed), to spare
    a second parse.

    The import walk selects from these the ones inside the bodies a name run from another module reaches
    (:func:`thor_guard.verifier.reach.import_time_reach` with ``roots``), by line range: one census per file
    serves every name of it.
    """
    key = (module, source, _EVERY_BODY)
    cached = _EDGES.get(key)  # type: ignore[arg-type]
    if cached is None:
        result = _census(source, module, edges_only=True, every_body=True, tree=tree)
        cached = ImportEdges((), tuple(result.patches))
        if len(_EDGES) >= _CENSUSES_SIZE:
            _EDGES.pop(next(iter(_EDGES)))
        _EDGES[key] = cached  # type: ignore[index]
    return cached.patches


_EVERY_BODY = frozenset({"\0every body"})
_REACH_RESULTS: dict[tuple[str | None, bytes | str, frozenset[str]], tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, int, str], ...]]] = {}
"""The names and sites of ``import_time_reach`` by (module, text, roots), so the every-body census of a file reuses
the reach its module census ran on another parse of the same text."""


class _EveryNode:
    """The "on import" set of the every-body census: every node (:func:`_walk_outside_defs` then prunes nothing)."""

    def __contains__(self, item: object) -> bool:
        return True


_EVERY_NODE = _EveryNode()
_TYPING_MODULES = ("typing", "typing_extensions")


def _type_checking(test: ast.expr, tree: ast.Module) -> bool:
    """True when ``test`` is ``TYPE_CHECKING`` bound only by ``from typing import TYPE_CHECKING`` (or
    typing_extensions), or ``typing.TYPE_CHECKING`` with ``typing`` bound only by ``import typing``: the constant is
    False when the module runs. Any other binding of the name anywhere in the module (an assignment, a ``global``, a
    ``def``, an import from elsewhere, ``as`` renames) or a star import (which may bind it) makes it unknown. A store
    on ``typing.TYPE_CHECKING`` in a walked module is a stdlib patch, which unproves the walk on its own."""
    if isinstance(test, ast.Name):
        name, wanted = test.id, "from"
    elif isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING" and isinstance(test.value, ast.Name) and test.value.id in _TYPING_MODULES:
        name, wanted = test.value.id, "import"
    else:
        return False
    if name != "TYPE_CHECKING" and wanted == "from":
        return False
    sites = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name == "*":
                    return False
                if (alias.asname or alias.name) == name:
                    if wanted != "from" or node.level or node.module not in _TYPING_MODULES or alias.name != name:
                        return False
                    sites += 1
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if (alias.asname or alias.name.split(".")[0]) == name:
                    if wanted != "import" or alias.asname is not None or alias.name != name:
                        return False
                    sites += 1
        elif isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Load):
            return False
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
            return False
        elif isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return False
        elif isinstance(node, ast.ExceptHandler) and node.name == name:
            return False
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name == name:
            return False
        elif isinstance(node, ast.MatchMapping) and node.rest == name:
            return False
    return sites > 0


def _census(
    source: bytes | str,
    module: str | None,
    edges_only: bool = False,
    roots: frozenset[str] = frozenset(),
    every_body: bool = False,
    tree: ast.Module | None = None,
) -> ModuleBindings:
    """The census of ``source``; with ``edges_only`` only ``imports`` and ``patches`` are exact (see :func:`import_edges`).
    ``tree``: ``source``'s :func:`parse_python` tree when the caller has it (None: parsed here)."""
    if tree is None:
        tree = parse_python(source, share=not edges_only)
    if tree is None:
        # Unknown, not empty: every name of the module is unproven (the hazard) and so is every name read through an
        # import walk holding this file, whose import-time imports and writes are not known (R6-20).
        reason = unparsable_reason(source)
        return ModuleBindings(hazards=[Hazard("a source Python cannot parse", 1, reason)], patches=[(UNPARSABLE_TARGET, 1, reason)])
    text = source.decode("utf-8", "replace") if isinstance(source, bytes) else source
    lines = text.splitlines()
    result = ModuleBindings()
    # What importing the module runs besides its module-level lines (functions referred to, decorators, class hooks,
    # dynamic imports; thor_guard.verifier.reach): stores made there are import-time stores.
    reach_key = (module, source, roots)
    known = _REACH_RESULTS.get(reach_key) if every_body else None
    if known is None:
        reach = import_time_reach(tree, module, roots)
        known = (tuple(reach.imports), tuple(reach.runs), tuple(reach.sites()))
        if len(_REACH_RESULTS) >= _CENSUSES_SIZE:
            _REACH_RESULTS.pop(next(iter(_REACH_RESULTS)))
        _REACH_RESULTS[reach_key] = known
    else:
        # The module census of the same text ran this reach already; the every-body census reads only its names and
        # sites (a pure function of the text, module and roots), never its bodies.
        reach = Reach()
    if every_body:  # see every_body_patches
        reach.bodies = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))]
    # Every body counts as run: every node is on import, which needs no id set (node_ids() would walk each nested
    # body once per enclosing def).
    on_import: Container[int] = _EVERY_NODE if every_body else reach.node_ids()

    def show_line(number: int) -> str:
        line = lines[number - 1].strip() if 0 < number <= len(lines) else ""
        return line if len(line) <= 60 else line[:59] + "…"

    def show(node: ast.AST) -> str:
        return show_line(getattr(node, "lineno", 1))

    depth = [0]  # > 0 inside a module-level if/while/for/with/try block: the binding may never happen

    def add(into: dict[str, list[Binding]], name: str, kind: str, node: ast.AST, target: str | None = None) -> None:
        into.setdefault(name, []).append(Binding(name, kind, getattr(node, "lineno", 1), show(node), target, depth[0] > 0))

    def targets(node: ast.AST, into: dict[str, list[Binding]], kind: str, statement: ast.AST) -> None:
        if isinstance(node, ast.Name):
            add(into, node.id, kind, statement)
        elif isinstance(node, (ast.Tuple, ast.List)):
            for element in node.elts:
                targets(element, into, kind if kind != "assign" else "unpack", statement)
        elif isinstance(node, ast.Starred):
            targets(node.value, into, "unpack", statement)

    def scan(statements: list[ast.stmt], into: dict[str, list[Binding]], module_level: bool, prefix: str, nested: bool = False) -> None:
        if nested:
            depth[0] += 1
            try:
                scan(statements, into, module_level, prefix)
            finally:
                depth[0] -= 1
            return
        for statement in statements:
            if isinstance(statement, ast.Import):
                if module_level:
                    result.imports.extend(alias.name for alias in statement.names)
                for alias in statement.names:
                    bound = alias.asname or alias.name.split(".")[0]
                    add(into, bound, "import", statement, alias.name if alias.asname else alias.name.split(".")[0])
            elif isinstance(statement, ast.ImportFrom):
                module = "." * statement.level + (statement.module or "")
                if module_level:
                    result.imports.append(module)
                    # `from pkg import util` may import the submodule pkg.util
                    result.imports.extend(f"{module}{'' if statement.module is None else '.'}{a.name}" for a in statement.names if a.name != "*")
                for alias in statement.names:
                    if alias.name == "*":
                        if module_level:
                            result.hazards.append(Hazard(f"the star import 'from {module} import *'", statement.lineno, show(statement), module=module))
                        continue
                    # `from . import os` binds the submodule `.os` (not `..os`, one package up); `from .util import f` binds `.util.f`.
                    dotted = alias.name if not module else f"{module}{alias.name}" if statement.module is None else f"{module}.{alias.name}"
                    add(into, alias.asname or alias.name, "import", statement, dotted)
            elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                add(into, statement.name, "def", statement)
            elif isinstance(statement, ast.ClassDef):
                add(into, statement.name, "class", statement)
                qual = f"{prefix}{statement.name}"
                body: dict[str, list[Binding]] = {}
                scan(statement.body, body, False, f"{qual}.")
                result.classes[qual] = body
            elif isinstance(statement, ast.Assign):
                for target in statement.targets:
                    targets(target, into, "assign", statement)
            elif isinstance(statement, ast.AnnAssign):
                if statement.value is not None:
                    targets(statement.target, into, "annassign", statement)
            elif isinstance(statement, ast.AugAssign):
                targets(statement.target, into, "augassign", statement)
            elif isinstance(statement, ast.Delete):
                for target in statement.targets:
                    targets(target, into, "del", statement)
            elif isinstance(statement, (ast.For, ast.AsyncFor)):
                targets(statement.target, into, "for", statement)
                scan(statement.body, into, module_level, prefix, True)
                scan(statement.orelse, into, module_level, prefix, True)
            elif isinstance(statement, (ast.With, ast.AsyncWith)):
                for item in statement.items:
                    if item.optional_vars is not None:
                        targets(item.optional_vars, into, "with", statement)
                scan(statement.body, into, module_level, prefix, True)
            elif isinstance(statement, ast.If) and module_level and _type_checking(statement.test, tree):
                # `if TYPE_CHECKING:` (typing's constant, proven): False at run time, so its imports import nothing
                # (FA8-7, review 8); its names are still conditional bindings. The `else` block runs.
                scan(statement.body, into, False, prefix, True)
                scan(statement.orelse, into, module_level, prefix, True)
            elif isinstance(statement, (ast.If, ast.While)):
                scan(statement.body, into, module_level, prefix, True)
                scan(statement.orelse, into, module_level, prefix, True)
            elif isinstance(statement, ast.Try) or type(statement).__name__ == "TryStar":
                scan(statement.body, into, module_level, prefix, True)  # type: ignore[attr-defined]
                for handler in statement.handlers:  # type: ignore[attr-defined]
                    if handler.name:
                        add(into, handler.name, "except", handler)
                    scan(handler.body, into, module_level, prefix, True)
                scan(statement.orelse, into, module_level, prefix, True)  # type: ignore[attr-defined]
                scan(statement.finalbody, into, module_level, prefix)  # type: ignore[attr-defined]
            elif isinstance(statement, ast.Match):
                for case in statement.cases:
                    for node in ast.walk(case.pattern):
                        name = getattr(node, "name", None)
                        if isinstance(name, str):
                            add(into, name, "match", statement)
                    scan(case.body, into, module_level, prefix, True)
            for node in _walrus_targets(statement):
                add(into, node, "walrus", statement)

    scan(tree.body, result.names, True, "")
    spelling = None if edges_only else _unnormalised_identifier(text)  # a hazard: no edge depends on it
    if spelling is not None:
        raw, line = spelling
        normal = unicodedata.normalize("NFKC", raw)
        # libcst (and so every name comparison of the walk) sees the raw spelling, Python the NFKC form: `ｏｓ = X`
        # rebinds `os`. Nothing in such a module is taken as proven.
        result.hazards.append(Hazard(f"the identifier '{raw}', which Python reads as '{normal}' (NFKC),", line, show_line(line)))
    imported = {name for name, sites in result.names.items() if any(s.kind == "import" for s in sites)}
    # Module-level aliases of imports (`o = os`, `ENV = os.environ`) are imports too for attribute stores.
    module_of: dict[str, str] = {}
    import_aliases: set[str] = set()
    """`o = os`, `ENV = os.environ`: names that may hold an imported module (or object of one)."""
    aliases = set(imported)
    for name, sites in result.names.items():
        for site in sites:
            if site.kind == "import" and site.target is not None and module is not None and site.target in (module, module.rsplit(".", 1)[-1]):
                aliases.add(name)  # the module imports itself: a store on it rebinds any of its names
            elif site.kind == "import" and site.target is not None and "." not in site.target:
                module_of[name] = name  # `import os` / `import os as o`: a store on it rebinds names under that name
    # Names bound only by imports of one module: a store through them patches that module for every importer.
    import_target = {
        name: sites[0].target
        for name, sites in result.names.items()
        if sites and sites[0].target is not None and all(s.kind == "import" and s.target == sites[0].target for s in sites)
    }
    loggers: set[str] = set()
    for statement in tree.body:  # loggers: a store on one (logger.debug = f) changes what a "pure" log call runs
        if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call) and isinstance(statement.value.func, ast.Attribute) and statement.value.func.attr == "getLogger":
            aliases.update(t.id for t in statement.targets if isinstance(t, ast.Name))
            receiver = statement.value.func.value
            if isinstance(receiver, ast.Name) and import_target.get(receiver.id) == "logging":
                loggers.update(t.id for t in statement.targets if isinstance(t, ast.Name))
    # `logger.propagate = False` on a logger bound once to logging.getLogger(...): data of a logging.Logger (FA9-7)
    loggers = {name for name in loggers if len(result.names.get(name, ())) == 1}

    def library_state(node: ast.Attribute) -> bool:
        """A store of library *data* that rebinds no module name and runs no project code (review 9, FA9-7): a
        logging.Logger's ``propagate``/``disabled``/``level`` on a logger bound once to ``logging.getLogger(...)``,
        or a field of decimal's thread-local context (``decimal.getcontext().prec = 28``)."""
        value = node.value
        if isinstance(value, ast.Name) and value.id in loggers:
            return node.attr in _LOGGER_DATA
        if isinstance(value, ast.Call) and not value.args and not value.keywords:
            func = value.func
            called = (
                f"{import_target.get(func.value.id)}.{func.attr}" if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                else import_target.get(func.id) if isinstance(func, ast.Name) else None
            )
            return called == "decimal.getcontext" and node.attr in _DECIMAL_CONTEXT_FIELDS
        return False
    for name, sites in result.names.items():
        if any(site.kind in ("def", "class") for site in sites):
            aliases.add(name)  # start.__code__ = ..., S.start = ..., del S.start rebind what the name runs
            module_of.setdefault(name, name)
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and _root(statement.value) in imported and isinstance(statement.value, (ast.Name, ast.Attribute)):
            for target in statement.targets:
                if isinstance(target, ast.Name):
                    aliases.add(target.id)
                    import_aliases.add(target.id)
                    root = _root(statement.value)
                    if isinstance(statement.value, ast.Name) and root in module_of:
                        module_of[target.id] = module_of[root]
    for statement in tree.body:  # `env = operator.attrgetter("environ")(os)`: a computed value may be an imported module
        if isinstance(statement, ast.Assign) and not isinstance(statement.value, (ast.Name, ast.Attribute)):
            if _passes_module(statement.value, imported | set(module_of)):
                aliases.update(t.id for t in statement.targets if isinstance(t, ast.Name))
    if "__getattr__" in result.names:
        first = min(result.names["__getattr__"], key=lambda site: site.line)
        result.hazards.append(Hazard(MODULE_GETATTR, first.line, first.text))
    if "__builtins__" in result.names:
        first = result.names["__builtins__"][0]
        result.hazards.append(Hazard("a binding of __builtins__", first.line, first.text))
    for dunder in _IMPORT_LOCATION_NAMES:
        # `__package__ = "legacy"`: the module's relative imports load another package's modules (hostile review
        # 18, H4). What the import walk read for
        # them is not what runs, so neither the names they bind nor their import-time code are known.
        if dunder in result.names:
            first = min(result.names[dunder], key=lambda site: site.line)
            result.hazards.append(Hazard(f"a binding of {dunder} (it decides which files imports load)", first.line, first.text))
            result.patches.append(("*", first.line, first.text))
    # One pass records what the hazard rules below need: each node's parent (is a use a plain read?), calls made
    # inside functions (vars()/locals() there are that function's locals), and names bound to a module object
    # (`m = sys.modules[__name__]`, `m = import_module(x)`): a store through them rebinds that module's names.
    parents: dict[int, ast.AST] = {}
    in_functions: set[int] = set()
    in_defs: set[int] = set()  # every node in a def/lambda body: its stores run when called, not on import
    module_valued: set[str] = set()

    def mark(node: ast.AST, inside: bool) -> None:
        # `inside`: node is in a function body, so it runs when the function is called, not on import. A def's
        # decorators, defaults and annotations (a lambda's defaults) run where the def is: only bodies are inside.
        body = _body_ids(node)
        for child in ast.iter_child_nodes(node):
            child_inside = inside or id(child) in body
            parents[id(child)] = node
            if child_inside:
                in_defs.add(id(child))
            if isinstance(child, ast.Call) and child_inside:
                in_functions.add(id(child))
            if isinstance(child, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) and child.value is not None and _looks_up_module(child.value):
                for target in child.targets if isinstance(child, ast.Assign) else [child.target]:
                    if isinstance(target, ast.Name):
                        module_valued.add(target.id)
            elif isinstance(child, (ast.For, ast.AsyncFor, ast.comprehension)) and _iterates_modules(child.iter):
                # `for name, mod in list(sys.modules.items())`: every name the loop binds may hold a module (R4-10).
                module_valued.update(n.id for n in ast.walk(child.target) if isinstance(n, ast.Name))
            mark(child, child_inside)

    if not edges_only or _may_look_up_module(source):
        mark(tree, False)
    # else: no node anywhere is a module look-up, so module_valued stays empty, and the pruned walk below reads
    # neither parents, in_functions (hazards only) nor in_defs (it visits no node inside a def or lambda).
    modules = imported | module_valued | import_aliases
    module_defs = {
        statement.name: statement for statement in tree.body if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
    }

    def modulish(node: ast.AST) -> bool:
        """``node`` may evaluate to a module object: an import (or alias of one), a module looked up at run time."""
        if isinstance(node, ast.Name):
            return node.id in modules
        if isinstance(node, ast.Attribute):
            return _root(node) in imported
        return _looks_up_module(node)

    def read_only(node: ast.AST) -> bool:
        """The value of ``node`` (a namespace: ``globals()``, ``m.__dict__``…) is only read where it is used."""
        parent = parents.get(id(node))
        if isinstance(parent, ast.Subscript) and parent.value is node:
            return isinstance(parent.ctx, ast.Load)
        if isinstance(parent, ast.Attribute) and parent.value is node:
            caller = parents.get(id(parent))
            return parent.attr in _READ_METHODS and isinstance(caller, ast.Call) and caller.func is parent
        if isinstance(parent, ast.Compare):
            return node is not parent.left and all(isinstance(op, (ast.In, ast.NotIn)) for op in parent.ops)
        if isinstance(parent, ast.Call) and node in parent.args:
            return isinstance(parent.func, ast.Name) and parent.func.id in _READING_BUILTINS
        if isinstance(parent, (ast.For, ast.AsyncFor, ast.comprehension)):
            return parent.iter is node
        return False

    # A class changed in place by a store reached through the object system (`Base().__class__.x = f`,
    # `type(obj).x = f`, `for c in object.__subclasses__(): c.x = f`, `Sub.__base__.x = f`) or through a name a star
    # import binds (`from base import *; Base.x = f`): which class it is is not known here, so the patch target is
    # every name (hostile review 21, H8/H9).
    class_valued = _class_valued_names(tree, source)
    star_bound = _star_bound_roots(tree, result)
    for node in _walk_outside_defs(tree, on_import) if edges_only and not every_body else ast.walk(tree):
        if id(node) not in in_defs or id(node) in on_import:
            changed = _unknown_class_target(node, class_valued, star_bound)
            if changed is not None:
                result.patches.append((changed, node.lineno, show(node)))
        if isinstance(node, ast.Global):
            for name in node.names:
                result.names.setdefault(name, []).append(Binding(name, "global", node.lineno, show(node)))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("__setattr__", "__delattr__"):
            # `os.__setattr__("x", v)`, `object.__setattr__(module, "x", v)`; never `super().__setattr__` on an instance.
            receiver = node.func.value
            through = node.args[0] if isinstance(receiver, (ast.Name, ast.Attribute)) and _root(receiver) in _SETATTR_OWNERS and node.args else receiver
            if modulish(through):
                result.hazards.append(Hazard(f"a call to {node.func.attr}() on a module", node.lineno, show(node), _module_names(through, imported)))
            elif through is not receiver and isinstance(through, ast.Name) and through.id in aliases:
                # `type.__setattr__(Feed, "start", f)`: setattr() on a module-level class or function, spelled as
                # the dunder call (R4-20).
                result.hazards.append(Hazard(f"a call to {node.func.attr}() on a module-level function or class", node.lineno, show(node), frozenset({through.id})))
        elif isinstance(node, ast.Call) and _passes_looked_up_module(node, module_valued, module_defs):
            # `_patch(sys.modules[__name__])` with `def _patch(t): t.x = f`: the callee may store on the module (R4-10).
            result.hazards.append(Hazard("a module looked up at run time passed to a call", node.lineno, show(node)))
            if id(node) not in in_defs or id(node) in on_import:
                result.patches.append(("*", node.lineno, show(node)))
        elif isinstance(node, ast.Call) and (wrapper := wrapper_written(node)) is not None:
            # functools.update_wrapper(start, other, assigned=("__code__",)) / wraps(other, ...)(start): a setattr()
            # of the names in `assigned` and an update of `__dict__` on the wrapper, whichever object that is
            # (hostile review 14: the function's code swapped, or `os.getenv` set through update_wrapper(os, X))
            if isinstance(wrapper, ast.Name) and wrapper.id in aliases and wrapper.id not in modules:
                result.hazards.append(Hazard("functools.update_wrapper() on a module-level function or class", node.lineno, show(node), frozenset({wrapper.id})))
            elif modulish(wrapper):
                result.hazards.append(Hazard("functools.update_wrapper() on a module", node.lineno, show(node), _module_names(wrapper, imported)))
                root = _root(wrapper)
                if root in import_target and (id(node) not in in_defs or id(node) in on_import):
                    result.patches.append((_dotted(wrapper, import_target), node.lineno, show(node)))
            elif _chain_root(wrapper) is None and not isinstance(wrapper, (ast.Call, ast.Lambda)):
                # a call's result (`wraps(method)(partial(...))`) is taken for a fresh object, as other functions'
                # results are (the stated assumption); `L[0]`, `(a or b)` may be anything
                result.hazards.append(Hazard("functools.update_wrapper() on a computed object", node.lineno, show(node)))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            func = node.func.id
            if func in ("exec", "eval"):
                if not _fresh_namespace(node):  # exec(code) / exec(code, globals()) run in (and can rebind) this module
                    result.hazards.append(Hazard(f"a call to {func}() without a fresh namespace", node.lineno, show(node)))
            elif func == "globals" or (func in ("vars", "locals") and not node.args and id(node) not in in_functions):
                if not read_only(node):  # at module or class level vars()/locals() are the namespace itself
                    result.hazards.append(Hazard(f"a write through {func}()", node.lineno, show(node)))
            elif func == "vars" and node.args and modulish(node.args[0]) and not read_only(node):
                result.hazards.append(Hazard("a write through vars() of a module", node.lineno, show(node), _module_names(node.args[0], imported)))
            elif func in ("setattr", "delattr") and node.args and _chain_root(node.args[0]) is None and not modulish(node.args[0]):
                result.hazards.append(Hazard(f"{func}() on a computed object", node.lineno, show(node)))
            elif func == "setattr" and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id in aliases and node.args[0].id not in modules:
                result.hazards.append(Hazard("setattr() on a module-level function or class", node.lineno, show(node), frozenset({node.args[0].id})))
            elif func in ("setattr", "delattr") and node.args and modulish(node.args[0]):
                literal = node.args[1].value if len(node.args) > 1 and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str) else None
                names = frozenset({literal}) if literal is not None and not isinstance(node.args[0], ast.Name) else _module_names(node.args[0], imported)
                result.hazards.append(Hazard(f"{func}() on a module", node.lineno, show(node), names))
                root = _root(node.args[0])
                if root in import_target:
                    stored = _dotted(node.args[0], import_target)
                    if id(node) not in in_defs or id(node) in on_import:
                        result.patches.append((f"{stored}.{literal}" if literal is not None and literal not in _WHOLE else stored, node.lineno, show(node)))
        elif isinstance(node, ast.Attribute):
            if node.attr in _REFLECTION_ATTRS:
                result.hazards.append(Hazard(f"a use of {node.attr} (a profile/trace hook or gc/ctypes reflection)", node.lineno, show(node)))
            elif isinstance(node.ctx, ast.Store) and library_state(node):
                pass  # data of a library object: no module name changes (FA9-7)
            elif (
                isinstance(node.ctx, (ast.Store, ast.Del))
                and (_chain_root(node.value) is None or (isinstance(node.value, ast.Subscript) and _chain_root(node.value) in aliases))
                and not modulish(node.value)
            ):
                # [S][0].start = f, type(os.environ).get = f, (a if c else b).x = f, L[0].x = f: the object stored
                # on cannot be proven unrelated to anything the guard uses.
                result.hazards.append(Hazard("an attribute store through an expression", node.lineno, show(node)))
            elif node.attr == "modules" and isinstance(node.value, ast.Name) and node.value.id == "sys":
                parent = parents.get(id(node))
                if isinstance(parent, ast.Subscript) and parent.value is node and not isinstance(parent.ctx, ast.Load):
                    result.hazards.append(Hazard("a store into sys.modules", node.lineno, show(node)))
                elif not (isinstance(parent, ast.Subscript) and parent.value is node) and not read_only(node):
                    result.hazards.append(Hazard("a write through sys.modules", node.lineno, show(node)))
            elif node.attr in _NAMESPACES:
                owner_is_module = node.attr != "__dict__" or modulish(node.value)
                if owner_is_module and not read_only(node):  # an instance's __dict__ holds no module name
                    names = _module_names(node.value, imported) if node.attr == "__dict__" else None
                    result.hazards.append(Hazard(f"a write through {node.attr}", node.lineno, show(node), names))
            elif (
                isinstance(node.ctx, (ast.Store, ast.Del))
                and isinstance(node.value, (ast.Name, ast.Attribute))
                and _root(node.value) in aliases
                and _rebinds(node, result, imported)
            ):
                root = _root(node.value)
                target = module_of.get(root or "")
                # A store on an imported module rebinds that module's names; on an imported class (Mapping.get = f)
                # or through anything else it can change what any call does.
                names = frozenset({target}) if target is not None and target != "builtins" else None
                result.hazards.append(Hazard("an attribute store on an imported module or object", node.lineno, show(node), names))
                if root in import_target:
                    stored = _dotted(node.value, import_target)
                    if id(node) not in in_defs or id(node) in on_import:
                        result.patches.append((stored if node.attr in _WHOLE else f"{stored}.{node.attr}", node.lineno, show(node)))
            elif isinstance(node.ctx, (ast.Store, ast.Del)) and (_looks_up_module(node.value) or (isinstance(node.value, ast.Name) and node.value.id in module_valued)):
                # `import_module(__name__).__class__ = _M` (a module with properties), `sys.modules[__name__].x = 1`,
                # `m = sys.modules[__name__]; m.x = 1`: the object is a module, and what its names read is then code.
                result.hazards.append(Hazard(f"an attribute store '{node.attr}' on a module looked up at run time", node.lineno, show(node)))
                named = _module_key(node.value)
                literal = (
                    named.value if isinstance(named, ast.Constant) and isinstance(named.value, str)
                    else "__name__" if isinstance(named, ast.Name) and named.id == "__name__"  # the module itself
                    else "*"
                )
                if id(node) not in in_defs or id(node) in on_import:
                    result.patches.append((literal, node.lineno, show(node)))
    # Import-time writes to the environment and the import system (os.environ[VAR] = ..., sys.path.insert(...),
    # __path__ extended): patches of process-wide state, carried by the import walk like stores on modules.
    result.patches.extend(import_time_writes(tree, lines, reach.bodies))
    reach_imports, reach_runs, reach_sites = known
    result.imports.extend(name for name in reach_imports if name not in result.imports)
    result.runs.extend(reach_runs)
    for target, line, _ in reach_sites:  # unknown code, files run by path, required modules (verifier.loads)
        result.patches.append((target, line, show_line(line)))
    # The recursive closures refer to themselves through their cells: break those cycles so that this census's
    # source lines and node maps are freed by reference counting (the console script's check runs with the cyclic
    # collector off, see thor_guard/entry.py).
    scan = targets = mark = None  # type: ignore[assignment]  # noqa: F811 (clears the closures' cells)
    return result


def _body_ids(node: ast.AST) -> frozenset[int]:
    """The ids of a ``def``'s body statements or a ``lambda``'s body expression: what runs only when it is called."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return frozenset(id(statement) for statement in node.body)
    if isinstance(node, ast.Lambda):
        return frozenset({id(node.body)})
    return _NO_BODY


_NO_BODY: frozenset[int] = frozenset()


def _walk_outside_defs(tree: ast.AST, on_import: Container[int] = frozenset()) -> Iterator[ast.AST]:
    """:func:`ast.walk`'s nodes (same breadth-first order) minus every function and lambda *body* (the census's
    ``in_defs``) not in ``on_import`` (bodies import-time code runs); decorators, defaults and annotations are
    walked: they run on import."""
    todo = deque([tree])
    while todo:
        node = todo.popleft()
        body = _NO_BODY if id(node) in on_import else _body_ids(node)
        todo.extend(child for child in ast.iter_child_nodes(node) if id(child) not in body)
        yield node


_WORD = re.compile(r"[^\W\d]\w*")


def _unnormalised_identifier(text: str) -> tuple[str, int] | None:
    """The first identifier (raw spelling, line) that NFKC normalisation changes, or None.

    Only non-ASCII words can change; those are rare, so the tokenizer (which
    tells identifiers from words in strings and comments) runs only then.
    """
    if text.isascii():
        return None
    candidate = next((m for m in _WORD.finditer(text) if not m.group().isascii() and unicodedata.normalize("NFKC", m.group()) != m.group()), None)
    if candidate is None:
        return None
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.NAME and not token.string.isascii() and unicodedata.normalize("NFKC", token.string) != token.string:
                return token.string, token.start[0]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        # The tokenizer disagrees with the parser (newer syntax): the word may be an identifier, so it counts.
        return candidate.group(), text.count("\n", 0, candidate.start()) + 1
    return None


def _rebinds(node: ast.Attribute, result: ModuleBindings, imported: set[str]) -> bool:
    """An attribute store that can change what a name runs: on a module/import alias or a function (any attribute),
    on a class only for its methods and dunders (``Feed.count += 1`` is data)."""
    root = _root(node.value)
    if root in imported or not isinstance(node.value, ast.Name):
        return True
    sites = result.names.get(root or "", [])
    if any(site.kind == "class" for site in sites):
        methods = {name for name, bound in result.classes.get(root or "", {}).items() if any(b.kind == "def" for b in bound)}
        return node.attr in methods or node.attr.startswith("__")
    return True


_LOGGER_DATA = frozenset({"propagate", "disabled", "level"})
"""Plain data attributes of a ``logging.Logger`` (not methods): a store changes which handlers a record reaches or
whether it is made, never what code a log call runs beyond the standard library's (FA9-7)."""

_DECIMAL_CONTEXT_FIELDS = frozenset({"prec", "rounding", "Emin", "Emax", "capitals", "clamp", "traps", "flags"})
"""Fields of ``decimal.Context`` (validated C-level data of the thread's context): a store rebinds no module name."""

_REFLECTION_ATTRS = frozenset(
    {"setprofile", "settrace", "setprofile_all_threads", "settrace_all_threads", "get_referents", "get_referrers", "pythonapi"}
)
"""Doors that can run code on every call or change a built-in type's methods behind the census (sys/threading hooks,
gc and ctypes reflection): any use in the module makes every name unproven."""


def _passes_module(node: ast.AST, modules: set[str]) -> bool:
    """Whether an imported module (or an attribute of one) is used as a value in ``node`` — an argument, an operand,
    an element — rather than only as the callee (``GEOSFuncFactory("x")``, ``Local()`` and ``re.compile(...)`` make
    new objects; ``attrgetter("environ")(os)`` and ``(os.environ if c else None)`` may return the module's objects)."""
    callees: set[int] = set()
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call):
            func = inner.func
            while isinstance(func, ast.Attribute):
                callees.add(id(func))
                func = func.value
            callees.add(id(func))
    for inner in ast.walk(node):
        if isinstance(inner, ast.Attribute) and id(inner) in callees:
            continue
        if isinstance(inner, (ast.Name, ast.Attribute)) and id(inner) not in callees and _root(inner) in modules:
            return True
    return False


_CLASS_REACHING = frozenset({"__class__", "__base__", "__bases__", "__mro__", "__subclasses__", "mro"})
"""Attributes that lead from an object or class to a class the code does not name."""


def _reaches_class(node: ast.AST) -> bool:
    """``node`` may evaluate to a class reached through the object system: ``x.__class__``, ``C.__base__``,
    ``C.__mro__[0]``, ``C.mro()[0]``, ``C.__subclasses__()[-1]``, ``type(x)``."""
    for part in ast.walk(node):
        if isinstance(part, ast.Attribute) and part.attr in _CLASS_REACHING:
            return True
        if isinstance(part, ast.Call) and isinstance(part.func, ast.Name) and part.func.id == "type" and len(part.args) == 1:
            return True
    return False


def _class_valued_names(tree: ast.Module, source: str | bytes) -> frozenset[str]:
    """Names a loop or comprehension binds to classes reached through the object system (``for c in
    object.__subclasses__()``); empty when the source never mentions such an attribute (the common case, kept cheap)."""
    text = source if isinstance(source, str) else source.decode("latin-1")
    if not any(attribute in text for attribute in ("__subclasses__", "__mro__", "mro(", "__bases__", "__base__")):
        return frozenset()
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)) and _reaches_class(node.iter):
            found.update(n.id for n in ast.walk(node.target) if isinstance(n, ast.Name))
    return frozenset(found)


def _star_bound_roots(tree: ast.Module, result: ModuleBindings) -> frozenset[str] | None:
    """None when the module has no top-level star import; else the names it binds itself (any other name a store
    starts from may be one the star import copied: a project class)."""
    if not any(isinstance(s, ast.ImportFrom) and any(a.name == "*" for a in s.names) for s in tree.body):
        return None
    return frozenset(result.names)


UNKNOWN_CLASS_PREFIX = "?class."
"""A patch target ``?class.<name>``: attribute ``name`` stored on the class of ``self``/``cls`` in a method run at
import time (``self.__class__.flag = False``), some project class the walk does not name: any class's ``name`` is
unproven, nothing else (see ``Evaluator.walk_class_patches``)."""


def _unknown_class_target(node: ast.AST, class_valued: frozenset[str], star_bound: frozenset[str] | None) -> str | None:
    """The patch target when ``node`` stores or deletes an attribute (a store, ``setattr``/``delattr``) on an object
    that may be a class the module does not name — reached through the object system, a loop over such classes, or a
    star-imported name: ``"*"`` (any name), or ``?class.<attr>`` for a plain attribute of ``self.__class__`` /
    ``type(self)`` (``cls`` alike); None for any other node."""
    if isinstance(node, ast.Attribute) and isinstance(node.ctx, (ast.Store, ast.Del)):
        owner: ast.AST = node.value
        attribute: str | None = node.attr
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("setattr", "delattr") and node.args:
        owner = node.args[0]
        named = node.args[1] if len(node.args) > 1 else None
        attribute = named.value if isinstance(named, ast.Constant) and isinstance(named.value, str) else None
    else:
        return None
    if _reaches_class(owner):
        own_class = (
            isinstance(owner, ast.Attribute) and owner.attr == "__class__" and isinstance(owner.value, ast.Name) and owner.value.id in ("self", "cls")
        ) or (
            isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name) and owner.func.id == "type"
            and len(owner.args) == 1 and isinstance(owner.args[0], ast.Name) and owner.args[0].id in ("self", "cls")
        )
        if own_class and attribute is not None and not (attribute.startswith("__") and attribute.endswith("__")):
            return UNKNOWN_CLASS_PREFIX + attribute
        return "*"
    root = _chain_root(owner)
    if root is None:
        return None
    if root in class_valued or (star_bound is not None and root not in star_bound and not hasattr(builtins, root)):
        return "*"
    return None


def _chain_root(node: ast.AST) -> str | None:
    """The name an attribute/subscript chain starts from (``self`` in ``self.a[0].b``), None for a computed object."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


_MODULE_GETTERS = {"import_module", "__import__", "reload", "getmodule"}
_READ_METHODS = {"get", "keys", "items", "values", "copy", "__contains__", "__getitem__", "__len__", "__iter__"}
"""Methods of a namespace mapping that only read it (``globals().get("x")``)."""
_READING_BUILTINS = {"len", "list", "sorted", "iter", "dict", "set", "tuple", "frozenset", "repr", "str", "bool", "any", "all", "print", "sum", "enumerate", "reversed"}
"""Builtins that only read a mapping passed to them (``dict(globals())`` copies it)."""
_NAMESPACES = ("__dict__", "f_globals", "f_builtins", "f_locals", "__globals__", "__builtins__")
"""Attributes whose value is a namespace: writing through them can rebind names."""
_SETATTR_OWNERS = {"object", "type", "ModuleType", "types"}
"""``object.__setattr__(target, …)``: the first argument is what is written to."""


_WHOLE = {"__class__", "__dict__", "__getattr__", "__getattribute__"}
"""Stores that change every attribute of the object, not one."""


def _dotted(node: ast.AST, import_target: dict[str, str]) -> str:
    """``os.environ`` with its root replaced by the dotted name it imports (``o.environ`` -> ``os.environ``)."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    assert isinstance(node, ast.Name)
    return ".".join([import_target[node.id], *reversed(parts)])


def _looks_up_module(node: ast.AST) -> bool:
    """``sys.modules[...]``, ``sys.modules.get(...)``, ``import_module(...)``, ``__import__(...)``: a module object."""
    if isinstance(node, ast.Subscript):
        return _is_sys_modules(node.value)
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Attribute) and node.func.attr in ("get", "setdefault", "pop") and _is_sys_modules(node.func.value):
            return True
        return call_spelling(node.func) in _MODULE_GETTERS
    return False


_INSPECTING = frozenset({"hasattr", "isinstance", "id", "type", "callable", "dir", "hash", "len", "repr", "str", "bool", "print"})
"""Builtins that only inspect an object passed to them: they neither write a module given to them nor return it."""
_COPYING = frozenset({"list", "tuple", "sorted", "iter", "reversed", "enumerate", "dict", "set", "frozenset", "next", "getattr", "any", "all", "zip"})
"""Builtins that do not write what they are given but may return it (or a container of it): harmless as the call
itself (without keyword callbacks), not inside another call's argument."""
_OWN_RULES = frozenset({"setattr", "delattr", "vars"})
"""Calls on a module that the census's own rules judge (with the names they write)."""


def _passes_looked_up_module(call: ast.Call, module_valued: set[str], module_defs: dict[str, ast.FunctionDef | ast.AsyncFunctionDef]) -> bool:
    """Whether ``call`` hands a module looked up at run time (``sys.modules[...]``, a name bound to one) to one of the
    module's own functions that may write through the parameter receiving it (R4-10: ``_patch(sys.modules[__name__])``
    with ``def _patch(t): t.x = f``).

    Functions of other modules (``module_has_submodule(module, "models")``), methods and builtins are outside the
    census (the stated assumption on other modules' functions); a module's dunder attributes passed on
    (``os.path.dirname(sys.modules[name].__file__)``) are strings, not the module.
    """
    if not (isinstance(call.func, ast.Name) and call.func.id in module_defs):
        return False
    function = module_defs[call.func.id]
    positional = [a.arg for a in [*function.args.posonlyargs, *function.args.args]]
    for index, argument in enumerate(call.args):
        if isinstance(argument, ast.Starred) or index >= len(positional):
            parameter = None  # *args or surplus positions: judged as any use
        else:
            parameter = positional[index]
        if _holds_module(argument, module_valued) and (parameter is None or writes_through(function, parameter)):
            return True
    for keyword in call.keywords:
        if _holds_module(keyword.value, module_valued) and (keyword.arg is None or writes_through(function, keyword.arg)):
            return True
    return False


def _holds_module(argument: ast.AST, module_valued: set[str]) -> bool:
    """Anywhere inside ``argument`` (``next(m for m in sys.modules.values() if ...)`` passes a module too), except
    under inspecting builtins and as the object of a dunder attribute load (``sys.modules[n].__file__``)."""
    skip: set[int] = set()
    for value in _walk_except_inspection(argument):
        if isinstance(value, ast.Attribute) and value.attr.startswith("__") and value.attr.endswith("__"):
            skip.add(id(value.value))
        if id(value) in skip:
            continue
        if _looks_up_module(value) or _is_sys_modules(value) or (isinstance(value, ast.Name) and value.id in module_valued):
            return True
    return False


def writes_through(function: ast.FunctionDef | ast.AsyncFunctionDef, parameter: str) -> bool:
    """Whether ``function`` may write through its parameter ``parameter``: any use other than an attribute load
    (``t.x = f``, ``setattr(t, …)``, ``t.__dict__``, passing ``t`` on, rebinding it); an unknown parameter always may."""
    names = {a.arg for a in [*function.args.posonlyargs, *function.args.args, *function.args.kwonlyargs]}
    if parameter not in names:
        return function.args.vararg is not None or function.args.kwarg is not None
    parents = {id(child): node for node in ast.walk(function) for child in ast.iter_child_nodes(node)}

    def plain_load(attribute: ast.Attribute) -> bool:
        # `t.x` read as a value; not `t.x.y = f`, `t.x[k] = v` or `t.x.update(...)`, which change what t.x holds.
        parent = parents.get(id(attribute))
        return not isinstance(parent, (ast.Attribute, ast.Subscript)) and not (isinstance(parent, ast.Call) and parent.func is attribute)

    loads = {
        id(n.value) for n in ast.walk(function)
        if isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Load) and n.attr not in _NAMESPACES and plain_load(n)
    }
    return any(isinstance(n, ast.Name) and n.id == parameter and id(n) not in loads for n in ast.walk(function))


def _walk_except_inspection(node: ast.AST) -> Iterator[ast.AST]:
    """:func:`ast.walk` minus the arguments of inspecting builtins (``len(sys.modules)`` passes no module)."""
    todo = [node]
    while todo:
        current = todo.pop()
        yield current
        if isinstance(current, ast.Call) and isinstance(current.func, ast.Name) and current.func.id in _INSPECTING:
            continue
        todo.extend(ast.iter_child_nodes(current))


def _iterates_modules(node: ast.AST) -> bool:
    """``sys.modules``, ``sys.modules.values()``/``.items()``/``.copy()``, or ``list(...)``/``sorted(...)`` of them."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("list", "tuple", "sorted", "reversed", "iter", "dict", "enumerate") and node.args:
        return _iterates_modules(node.args[0])
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("values", "items", "copy"):
        return _is_sys_modules(node.func.value)
    return _is_sys_modules(node)


def _is_sys_modules(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "modules" and isinstance(node.value, ast.Name) and node.value.id == "sys"


def _module_key(node: ast.AST) -> ast.AST | None:
    """The expression naming the module in ``sys.modules[key]`` / ``import_module(key)`` (None when not visible)."""
    if isinstance(node, ast.Subscript):
        return node.slice
    if isinstance(node, ast.Call) and node.args:
        return node.args[0]
    return None


def _fresh_namespace(call: ast.Call) -> bool:
    """``exec(code, {})`` / ``eval(code, {"x": 1})`` / ``exec(code, dict(...))``: the code runs in a new namespace."""
    given = call.args[1] if len(call.args) > 1 else next((k.value for k in call.keywords if k.arg == "globals"), None)
    if given is None:
        return False
    if isinstance(given, (ast.Dict, ast.DictComp)):
        return True
    return isinstance(given, ast.Call) and isinstance(given.func, ast.Name) and given.func.id == "dict"


def wrapper_written(call: ast.Call) -> ast.expr | None:
    """The object ``call`` writes attributes of as ``functools.update_wrapper`` does: the first argument (or
    ``wrapper=``) of ``update_wrapper(...)``, the argument of ``wraps(...)(...)``; None for any other call. Matched by
    the function's name, whatever it was imported as (a look-alike is judged the same way)."""
    if call_spelling(call.func) == "update_wrapper":
        return call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "wrapper"), None)
    if isinstance(call.func, ast.Call) and call_spelling(call.func.func) == "wraps" and call.args:
        return call.args[0]
    return None


def _walrus_targets(statement: ast.stmt) -> Iterator[str]:
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return
    for field_name, value in ast.iter_fields(statement):
        if field_name in ("body", "orelse", "finalbody", "handlers", "cases"):
            continue
        nodes = value if isinstance(value, list) else [value]
        for node in nodes:
            if isinstance(node, ast.AST):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.NamedExpr) and isinstance(inner.target, ast.Name):
                        yield inner.target.id


def _root(node: ast.AST) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _module_names(node: ast.AST, imported: set[str]) -> frozenset[str] | None:
    root = _root(node)
    return frozenset({root}) if root is not None and root in imported else None
