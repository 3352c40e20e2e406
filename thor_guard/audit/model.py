"""Plain, picklable data for the audit: per-file facts and per-spawn results.

Facts are extracted once per file (keyed by content hash in the cache) and
are all the linker needs: no AST survives the extraction step. They are
``NamedTuple``s of strings and ints so that pickling a whole project's facts
stays cheap.

A *reference* (``Ref``) is what a name in the source denotes, resolved as far
as one file allows:

* ``("g", "pkg.mod.name", ("attr", ...))`` - a global dotted path (a project
  module's attribute or an external one such as ``threading.Thread``),
  followed by attribute accesses;
* ``("i", "pkg.mod.Class", ("attr", ...))`` - an *instance* of what the dotted
  path names (a module-level singleton, ``self``, a local built by a
  constructor call), followed by attribute accesses;
* ``("s", "pkg.mod.Class", ("meth",))`` - ``super().meth`` inside ``Class``;
* ``("c", "SETTING_NAME", ("attr", ...))`` - the object named by the dotted
  path that a Django setting holds (``import_string(settings.FEED_BACKEND)``),
  looked up in the project's settings modules by the linker;
* ``("u", "source text", ())`` - not resolvable statically (a parameter, a
  call result, ``getattr``...).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

RefKind = Literal["g", "i", "s", "c", "u"]


class Ref(NamedTuple):
    kind: RefKind
    head: str
    attrs: tuple[str, ...] = ()

    def text(self) -> str:
        """A short human form used by ``--explain``."""
        tail = "".join(f".{a}" for a in self.attrs)
        if self.kind == "i":
            return f"<{self.head} instance>{tail}"
        if self.kind == "s":
            return f"super({self.head}){tail}"
        if self.kind == "c":
            return f"<settings.{self.head}>{tail}"
        return f"{self.head}{tail}"


class CallFact(NamedTuple):
    """One call expression inside a function (or module-level code)."""

    line: int
    column: int
    ref: Ref
    target: Ref | None = None
    """A function handed over to run elsewhere (``target=``, ``submit(fn)``, ``Timer(s, fn)``...)."""
    first_str: str | None = None
    """The first positional string literal (``on_event("startup")``, ``add_event_handler("startup", f)``)."""
    view: Ref | None = None
    """For ``path()``-like calls: the view argument (second positional or ``view=``)."""
    view_is_class: bool = False
    """The view argument was ``SomeView.as_view(...)``: ``view`` names the class."""
    callbacks: tuple[Ref, ...] = ()
    """For ``.connect(f)`` / ``add_event_handler("startup", f)`` / ``lifespan=f`` / ``on_startup=[f, g]`` /
    ``atexit.register(f)``: the functions handed over."""
    callback_kind: str | None = None
    """``"connect"``, ``"startup"``, ``"lifespan"`` or ``"register"``: how ``callbacks`` will be invoked."""


class LoopFact(NamedTuple):
    """A ``while`` loop whose body sleeps or waits (``time.sleep``, ``Event.wait``...)."""

    line: int
    column: int
    waits: str
    """What the loop waits on, e.g. ``time.sleep``."""


class FunctionFact(NamedTuple):
    """One function, method, lambda or a module's import-time code (qualname ``<module>``)."""

    qualname: str
    line: int
    column: int
    class_qualname: str | None
    """The enclosing class when this is a method (``self`` is an instance of it)."""
    calls: tuple[CallFact, ...]
    loops: tuple[LoopFact, ...]
    decorators: tuple[CallFact, ...]
    env_strings: frozenset[str]
    """String constants (and module string constants it reads) that look like environment variable names."""
    guard_calls: tuple[Ref, ...]
    """Calls inside the tests of the body's top-level ``if`` statements: candidate guard helpers."""
    returns_only: bool
    """The body is a single ``return <expr>`` (a possible guard helper)."""
    is_lambda: bool = False
    lifespan_startup: bool = False
    """The body compares against ``"lifespan.startup"``: a raw ASGI lifespan handler."""
    spawn_target_lambda: bool = False
    """A lambda used as a spawn target: it runs in the spawned thread, not in its definer."""


class ClassFact(NamedTuple):
    qualname: str
    line: int
    bases: tuple[Ref, ...]
    methods: tuple[str, ...]
    attr_types: tuple[tuple[str, Ref], ...]
    """``self.attr = Ctor(...)`` in any method: the attribute holds an instance of ``Ctor``."""


class ModuleFacts(NamedTuple):
    """Everything the linker needs to know about one file."""

    module: str
    is_package: bool
    bindings: tuple[tuple[str, Ref], ...]
    """Module-level names: imports, definitions, singletons (``monitor = Monitor()``) and aliases."""
    star_imports: tuple[str, ...]
    functions: tuple[FunctionFact, ...]
    classes: tuple[ClassFact, ...]
    error: str | None = None
    """A syntax or decoding error: the file yields no facts and is reported."""
    constants: tuple[tuple[str, str], ...] = ()
    """Module-level ``NAME = "string"`` assignments that look like dotted paths (settings modules)."""


def node_id(module: str, qualname: str) -> str:
    """The graph's node name: ``module:qualname`` (import-time code is ``module:<module>``)."""
    return f"{module}:{qualname}"


MODULE_CODE = "<module>"
MAIN_CODE = "<main>"
"""The body of ``if __name__ == "__main__":`` - runs when a person runs the file as a script."""
PSEUDO_FUNCTIONS = frozenset({MODULE_CODE, MAIN_CODE})
