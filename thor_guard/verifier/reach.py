"""What importing a module runs, beyond its module-level statements: the reach of the import walk inside one module.

Importing a module runs its module-level code (statements outside ``def``
bodies, class bodies, decorators, default values, annotations). That code
can run more of the project than its own lines, and the import walk
(:class:`thor_guard.verifier.context.HelperResolver`) must census all of it
for environment writes, import-system edits and patches:

* **functions it refers to**: a project function named anywhere in
  import-time code - called (``setup()``), applied as a decorator
  (``@configure``), passed on (``map(setup, xs)``, ``for f in (a, b): f()``,
  ``[f() for f in HOOKS]``), used as a default value - is taken as run, with
  its whole body (nested ``def``s and ``lambda``s included: a decorator
  factory's inner function runs when it is applied);
* **classes it refers to**: a class named in import-time code (a base of a
  class statement, a metaclass, instantiated, passed on) runs its class-creation
  and instantiation hooks (:data:`HOOKS`: ``__init_subclass__``,
  ``__new__``, ``__init__``, ``__call__``, ``__prepare__``, ``__set_name__``,
  ``__post_init__``, ``__class_getitem__``, ``__mro_entries__``, also those
  its bases in the module define); ``C.method`` / ``instance.method`` (an
  instance bound at module level by ``x = C(...)``) and ``self.method`` /
  ``cls.method`` inside a followed method follow that method;
* **names imported from other project modules** referred to the same way
  (``from .boot import setup; setup()``, ``class D(EnvDefaults)``,
  ``@registry.hook``): *run edges* (:attr:`Reach.runs`, dotted names); the
  walk follows them into the other module, where the same rules apply from
  that name (:func:`import_time_reach` with ``roots``). An edge is marked
  (:mod:`thor_guard.verifier.run_marks`) when the call surely runs there
  (a call by name, a decorator, a decorator factory) or when an import
  statement that surely runs reads names from a package (its PEP 562
  ``__getattr__`` serves the names it does not bind);
* **every binding of a name** (hostile review 8, R8-4): all ``def``s and
  classes of the name in the module's blocks, all imports binding it (also
  those made in followed bodies), every instance assigned to it (annotated
  too), and - for a name bound no other way - every star-imported module;
* **functions fetched by a name string** (R8-5): ``import_string("m.f")``,
  ``pkgutil.resolve_name("m:f")``, ``import_module("m").f``,
  ``getattr(import_module("m"), "f")``, ``mod.f`` for ``mod =
  import_module("m")``, ``globals()[name]``; a name not known in code that
  surely runs is :attr:`Reach.unread`;
* **functions defined in a class body** and used there (R8-12);
* **modules it imports other than by a module-level import statement**: an
  ``import`` statement in a followed body or a class body,
  ``importlib.import_module(NAME)`` / ``__import__(NAME)`` /
  ``pkgutil.resolve_name(NAME)`` / ``runpy.run_module(NAME)`` where NAME is a
  literal, a module constant, a loop variable over a literal list or tuple (or
  a constant holding one), or a concatenation / f-string of those
  (:attr:`Reach.imports`); when NAME cannot be known, the call is
  :attr:`Reach.unknown` (every name the guard reads through the walk is then
  unproven: TG009 naming the call and line);
* **files run by path** (``runpy.run_path``, ``spec_from_file_location``,
  ``SourceFileLoader``, ``exec``/``eval`` of ``open(p).read()`` or
  ``Path(p).read_text()``, through ``compile``) where the path is built from
  ``__file__``: :attr:`Reach.files`, read by the walk like imports; any other
  ``exec``/``eval`` of a non-inert string, path not known, loader not followed
  (``exec_module`` on a spec the reach did not make), ``site.addsitedir`` or
  importing function handed on: :attr:`Reach.unread` where the code surely runs
  (hostile review 7, R7-5);
* **modules import statements need** in surely-run code (:attr:`Reach.requires`):
  the walk makes one found nowhere that is the project's unknown (R7-8, :mod:`thor_guard.verifier.loads`);
  ``if TYPE_CHECKING:`` and version/platform tests false on this interpreter
  mark their branch as only possibly run;
* **special methods**: a class referred to runs every ``__name__`` method it (or a
  project base) defines (:data:`ALL_DUNDERS`), since an instance used at import
  time runs them implicitly (``with``, ``for``, subscripts, truth, formatting,
  ``__setattr__``); attribute stores follow the setter of that name (R7-7).

Bounds: at most :data:`MAX_BODIES` function bodies per module and root set are
followed (beyond that the module's reach counts as unknown, never as empty);
each body is followed once (memo), so recursion terminates. What is not
followed (stated in docs/check.md, assumption 15): methods called on other
objects (``obj.run()`` where ``obj`` is not a module-level instance of a
project class), functions reached through containers or attributes of
non-project objects (``REGISTRY["x"]()``), and code of third-party modules.
"""

from __future__ import annotations

import ast
import operator
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from thor_guard.verifier.format_fields import replacement_fields
from thor_guard.verifier.run_marks import CALLS_UNNAMED, DECORATES, ESCAPE, FACTORY, READ, REGISTERED, SURE, split_mark

ALL_DUNDERS = "__*__"
"""Pseudo method name: every ``__name__`` method of a class (and of its bases) - what using an instance may run."""
UNKNOWN_IMPORT_TARGET = "?import"
"""Patch target of an import-time import whose module name is not known statically (or of a reach cut by the bound)."""
UNREAD_TARGET = "?unread"
"""Patch target of code import-time code surely runs that the walk cannot read (:attr:`Reach.unread`)."""
FILE_TARGET_PREFIX = "?file:"
"""Prefix of the patch target of a file run by path (``?file:boot.py``, relative to the module's directory): the walk
(:mod:`thor_guard.verifier.loads`) reads that file, or makes the site unknown when it does not exist."""
SUBMODULE_MARK = "::"
"""Separates a package from a name an import reads from it (``?requires:.::local_settings``): the submodule is
required only when the package's ``__init__`` does not bind the name (:func:`thor_guard.verifier.loads.settle`)."""

REQUIRES_TARGET_PREFIX = "?requires:"
"""Prefix of the patch target of a module an import in surely-run import-time code needs (``?requires:local_settings``):
the walk (:mod:`thor_guard.verifier.loads`) makes it unknown when it resolves to no file."""
HOOKS = frozenset(
    {
        "__init_subclass__", "__new__", "__init__", "__call__", "__prepare__", "__set_name__", "__post_init__",
        "__class_getitem__", "__mro_entries__", "_missing_", "_generate_next_value_", ALL_DUNDERS,
    }
)
"""Methods that defining, subclassing or instantiating a class runs without naming them: the construction hooks, the
hooks the standard library calls on a class it is given (``enum``'s ``_missing_`` for ``Market("x")`` and
``_generate_next_value_`` for ``auto()``), and (:data:`ALL_DUNDERS`) every special method: an instance used at import
time runs them implicitly (``with C():`` ``__enter__``, ``for _ in C()`` ``__iter__``, ``OBJ[k]``, ``if C():``
``__bool__``, ``f"{C()}"`` ``__format__``, a store ``OBJ.x = 1`` ``__setattr__``; hostile review 7, R7-7)."""
ALL_METHODS = "*"
"""Pseudo method name: every method of a class (and of its bases) - what an instance made at import time may run
(review 10, R10-12/A10-4: it reaches the code that surely runs in any spelling, ``C().run()``, ``getattr(c, "run")()``,
a walrus, a tuple unpack, ``operator.methodcaller``, a factory of another module)."""
MAX_BODIES = 400
"""Function bodies one reach follows at most; beyond, the module's import-time code counts as unknown."""
_MAX_STRINGS = 64
"""Candidate module names one dynamic-import argument may stand for (loop values x concatenations)."""
_IMPORTING = frozenset(
    {
        "importlib.import_module", "importlib.__import__", "builtins.__import__", "__import__", "pkgutil.resolve_name",
        "runpy.run_module", "importlib.util.find_spec", "importlib.find_loader", "pkgutil.get_loader", "pkgutil.find_loader",
        "django.utils.module_loading.import_string",
    }
)
"""Functions that import (or find, for a loader to run) the module they name."""
_LIBRARY_NAMES = sys.stdlib_module_names | {
    "__future__",
    # Added after 3.11 (imported under `if PY314:`-style constants the reach does not evaluate) ...
    "annotationlib", "compression", "_colorize", "_pyrepl", "_interpreters", "_interpqueues", "_interpchannels",
    "_pydatetime", "_pylong", "_wmi", "_zstd",
    # ... and removed by 3.12/3.13 (still imported under version tests where the verifier runs a newer Python).
    "asynchat", "asyncore", "distutils", "imp", "smtpd", "aifc", "audioop", "cgi", "cgitb", "chunk", "crypt", "imghdr",
    "mailcap", "msilib", "nis", "nntplib", "ossaudiodev", "pipes", "sndhdr", "spwd", "sunau", "telnetlib", "uu",
    "xdrlib", "lib2to3",
}
"""Top-level names of the standard library of this interpreter and of the versions around it: such an import is
the library's (assumption 8), not a module found nowhere."""
_FINDERS = frozenset({"importlib.util.find_spec", "importlib.find_loader", "pkgutil.get_loader", "pkgutil.find_loader"})
"""Of :data:`_IMPORTING`, those that only find: a missing module is their answer (None), not an import error."""
_PATH_RUNNERS = {
    "runpy.run_path": (0, "path_name"),
    "importlib.util.spec_from_file_location": (1, "location"),
    "importlib.machinery.SourceFileLoader": (1, "path"),
    "importlib.machinery.SourcelessFileLoader": (1, "path"),
    "importlib.machinery.ExtensionFileLoader": (1, "path"),
    "imp.load_source": (1, "pathname"),
    "imp.load_module": (2, "pathname"),
    "imp.load_compiled": (1, "pathname"),
    "imp.load_package": (1, "path"),
}
"""Functions that run (or make the loader that runs) a file given by path: argument index and keyword of the path."""
_CODE_RUNNERS = frozenset({"exec", "eval", "builtins.exec", "builtins.eval"})
_UNREAD_RUNNERS = {
    "site.addsitedir": "runs the import lines of the .pth files in a directory",
    "site.main": "runs the import lines of every site directory's .pth files",
    "zipimport.zipimporter": "imports modules out of an archive",
    "code.interact": "runs code that is not read",
    "importlib.util.spec_from_loader": "makes a module spec from a loader",
    "importlib.util.module_from_spec": None,
    # code given as a string, run by the standard library (hostile review 12, H1)
    "timeit.timeit": "runs code given as a string", "timeit.repeat": "runs code given as a string",
    "timeit.Timer": "compiles code given as a string to run", "timeit.main": "runs code given as arguments",
    "code.InteractiveInterpreter": "makes an interpreter that runs code given as strings",
    "code.InteractiveConsole": "makes an interpreter that runs code given as strings",
    # objects named by strings: imported, called or written by the library (the walk does not follow a string)
    "pickle.loads": "unpickles data, which may import and call any importable function",
    "pickle.load": "unpickles data, which may import and call any importable function",
    "pickle.Unpickler": "unpickles data, which may import and call any importable function",
    "_pickle.loads": "unpickles data, which may import and call any importable function",
    "_pickle.load": "unpickles data, which may import and call any importable function",
    "_pickle.Unpickler": "unpickles data, which may import and call any importable function",
    "shelve.open": "opens a shelf, whose values are unpickled",
    "pydoc.locate": "imports and reads an object named by a string",
    "pydoc.importfile": "imports a file by path",
    "pydoc.safeimport": "imports a module named by a string",
    "unittest.mock.patch": "patches an object named by a string",
    "unittest.mock.patch.dict": "patches a mapping named by a string (os.environ among them)",
    "unittest.mock.patch.object": "patches an attribute of an object",
    "unittest.mock.patch.multiple": "patches attributes of an object named by a string",
    "mock.patch": "patches an object named by a string", "mock.patch.dict": "patches a mapping named by a string",
    "mock.patch.object": "patches an attribute of an object", "mock.patch.multiple": "patches attributes of an object",
    "logging.config.fileConfig": "configures logging from a file, which names classes to import and evaluates arguments",
    "logging.config.listen": "starts a listener that configures logging from what it receives",
    # attributes read by a name the walk does not follow as a read (the object reached is then written unseen)
    "operator.attrgetter": "reads attributes named by strings", "operator.methodcaller": "calls a method named by a string",
    "string.Formatter": "makes a formatter whose fields read attributes named by strings",
    # code or modules named by strings, run by debuggers, profilers, test runners and resource loaders (hostile
    # review 13): each execs a string, evaluates string annotations or imports a module by name
    "typing.get_type_hints": "evaluates string annotations", "typing_extensions.get_type_hints": "evaluates string annotations",
    "inspect.get_annotations": "may evaluate string annotations",
    "cProfile.run": "runs code given as a string", "cProfile.runctx": "runs code given as a string",
    "cProfile.Profile": "makes a profiler that runs code given as strings",
    "profile.run": "runs code given as a string", "profile.runctx": "runs code given as a string",
    "profile.Profile": "makes a profiler that runs code given as strings",
    "bdb.Bdb": "makes a debugger that runs code given as strings", "pdb.Pdb": "makes a debugger that runs code given as strings",
    "pdb.run": "runs code given as a string", "pdb.runeval": "runs code given as a string",
    "pdb.runctx": "runs code given as a string", "pdb.runcall": "runs a function under the debugger",
    "trace.Trace": "makes a tracer that runs code given as strings",
    "doctest.testmod": "runs the code in docstrings", "doctest.testfile": "runs the code in a file's examples",
    "doctest.run_docstring_examples": "runs the code in docstrings", "doctest.DocTestRunner": "makes a runner of docstring code",
    "doctest.DebugRunner": "makes a runner of docstring code", "doctest.DocTestSuite": "imports a module named by a string",
    "doctest.DocFileSuite": "runs the code in a file's examples",
    "unittest.main": "imports and runs tests named by strings", "unittest.TestLoader": "makes a loader that imports modules named by strings",
    "unittest.defaultTestLoader.loadTestsFromName": "imports a module named by a string",
    "unittest.defaultTestLoader.loadTestsFromNames": "imports modules named by strings",
    "unittest.defaultTestLoader.discover": "imports the modules of a directory",
    "importlib.resources.files": "imports a package named by a string", "importlib.resources.open_text": "imports a package named by a string",
    "importlib.resources.open_binary": "imports a package named by a string", "importlib.resources.read_text": "imports a package named by a string",
    "importlib.resources.read_binary": "imports a package named by a string", "importlib.resources.path": "imports a package named by a string",
    "importlib.resources.contents": "imports a package named by a string", "importlib.resources.is_resource": "imports a package named by a string",
    "warnings._setoption": "imports the warning category named by a string",
    "pkgutil.get_data": "imports a module named by a string", "pkgutil.get_loader": "imports a module named by a string",
    "pkgutil.find_loader": "imports a module named by a string", "pkgutil.walk_packages": "imports the packages it walks",
}
"""Other ways import-time code runs code the walk does not read (None: harmless alone)."""
_APPLIERS = frozenset({"operator.call", "collections.defaultdict", "functools.reduce", "itertools.starmap", "iter", "builtins.iter"})
"""Library functions that call an object they are given (``operator.call(f)``, ``defaultdict(f)[k]``, ``iter(f, s)``):
given an object the reach cannot name, they call it (hostile review 13)."""
_OPENERS = frozenset({"open", "builtins.open", "io.open", "codecs.open", "io.open_code", "tokenize.open"})
_PATH_IDENTITY = frozenset(
    {
        "os.path.abspath", "os.path.realpath", "os.path.normpath", "os.fspath", "str", "pathlib.Path", "pathlib.PurePath",
        "pathlib.PosixPath", "os.path.expanduser",
    }
)
_PATH_METHODS_IDENTITY = frozenset({"resolve", "absolute", "expanduser", "as_posix"})


@dataclass
class Reach:
    """Everything import-time code of one module runs besides its module-level statements (see the module docstring)."""

    bodies: list[ast.AST] = field(default_factory=list)
    """``def``/``lambda`` nodes whose whole subtree runs at import time, in the order found."""
    imports: list[str] = field(default_factory=list)
    """Modules imported at import time other than by module-level import statements (relative ones as ``.x``)."""
    runs: list[str] = field(default_factory=list)
    """Dotted names of objects of *other* modules that import-time code refers to (``pkg.boot.setup``; relative
    ones as ``.boot.setup``)."""
    unknown: list[tuple[int, str]] = field(default_factory=list)
    """(line, reason) of import-time imports whose module name is not known statically (or a cut reach), and of other
    code import-time code runs without the walk reading it (a file by a path not known, ``exec`` of a string...)."""
    unread: list[tuple[int, str]] = field(default_factory=list)
    """(line, reason) of code import-time code surely runs that the walk cannot read: ``exec`` of a string, a file by a
    path not known statically, a loader it does not follow, ``.pth`` lines of ``site.addsitedir`` (R7-5)."""
    files: list[tuple[str, int]] = field(default_factory=list)
    """(path relative to the module's directory, line) of files import-time code runs by path (``runpy.run_path``,
    ``spec_from_file_location`` + ``exec_module``, ``exec(open(p).read())``); the walk reads them like imports."""
    requires: list[tuple[str, int]] = field(default_factory=list)
    """(module, line) of the modules import statements (and known dynamic imports) in code that surely runs at import
    time need; the walk checks that each resolves to a file (relative ones as ``.x``)."""

    def sites(self) -> list[tuple[str, int, str]]:
        """The reach's census patches ``(target, line, reason)``: unknown code, files run by path, required modules."""
        found = [(UNKNOWN_IMPORT_TARGET, line, reason) for line, reason in self.unknown]
        found += [(UNREAD_TARGET, line, reason) for line, reason in self.unread]
        found += [(FILE_TARGET_PREFIX + relative, line, f"runs the file {relative}") for relative, line in self.files]
        found += [
            (REQUIRES_TARGET_PREFIX + name, line, f"imports {name}")
            for name, line in self.requires
            if name.split(SUBMODULE_MARK)[0].split(".")[0] not in _LIBRARY_NAMES  # the standard library of this or another version: assumption 8
        ]
        return found

    def node_ids(self) -> frozenset[int]:
        """The ids of every node inside a followed body (the census counts their stores as import-time)."""
        return frozenset(id(node) for body in self.bodies for node in ast.walk(body))


def import_time_reach(tree: ast.Module, module: str | None, roots: frozenset[str] = frozenset(), *, module_level: bool = True) -> Reach:
    """The reach of importing ``tree`` (module ``module``), plus what running ``roots`` (names or ``name.attr``
    of this module, referred to from another module's import-time code) runs. ``module_level=False`` leaves out the
    module-level code (the walk has censused it already)."""
    return _reacher(tree, module).run(roots, module_level)


_REACHERS: dict[tuple[int, str | None], tuple[ast.Module, _Reacher]] = {}


def _reacher(tree: ast.Module, module: str | None) -> _Reacher:
    """A reacher with fresh per-run state over ``tree``'s index (names, classes, imports), built once per tree: the
    walk asks the same module about many names (memo bounded; keyed by the tree object, which it keeps alive)."""
    key = (id(tree), module)
    cached = _REACHERS.get(key)
    if cached is None or cached[0] is not tree:
        if len(_REACHERS) >= 512:
            _REACHERS.pop(next(iter(_REACHERS)))
        cached = _REACHERS[key] = (tree, _Reacher(tree, module))
    return cached[1].fresh()


class _Reacher:
    def __init__(self, tree: ast.Module, module: str | None) -> None:
        self.tree = tree
        self.module = module
        self.imports_owned = True
        """Whether :attr:`imports` and :attr:`all_imports` are this object's own (a run shares the index's until it binds one)."""
        self.reach = Reach()
        self.functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
        self.classes: dict[str, ast.ClassDef] = {}
        self.imports: dict[str, str] = {}
        self.done: set[int] = set()
        self.todo: list[tuple[ast.AST, ast.ClassDef | None]] = []
        self.top_level = {id(statement) for statement in block_statements(tree.body)}
        self.method_class: dict[int, str] = {}
        """Ids of the ``def``s made directly in a module-level class body -> that class's name (``m.C.f`` names them)."""
        self.methods_done: set[tuple[int, str, bool]] = set()
        self.direct: set[int] = set()
        """Bodies surely run: called by name or applied as a decorator from module-level code or another such body."""
        self.withs: dict[str, ast.expr] = {}
        """``with open(p) as f``: the name ``f`` -> ``open(p)`` (what ``exec(f.read())`` runs), for the current scan."""
        self.specs = 0
        """Module specs made from a known name or path so far (an ``exec_module`` after one runs what was read)."""
        self._single: dict[str, ast.expr] = {}
        self._counted: dict[str, int] | None = None
        # Every binding of a name that can reach a read, not the last one (hostile review 8, R8-4): conditional and
        # fallback defs, `try: from a import f / except ImportError: from b import f`, instances bound twice or with
        # an annotation, star imports. Which one runs is decided at run time, so the reach follows all of them.
        self.all_functions: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        self.all_classes: dict[str, list[ast.ClassDef]] = {}
        self.all_imports: dict[str, list[str]] = {}
        self.values: dict[str, list[ast.expr]] = {}
        """Module-level name -> every value assigned to it (plain or annotated assignment): instances' classes."""
        self.stars: list[str] = []
        """Prefixes of star-imported modules (``pkg.base.``): a name the module binds no other way may come from one."""
        self.module_vars: dict[str, frozenset[str]] = {}
        """``mod = import_module("x")``: the name -> the modules it may hold (``mod.f()`` runs ``x.f``)."""
        self.factories: set[int] = set()
        """Bodies of decorator factories surely applied: the nested functions they return surely run too."""
        self.registered: list[tuple[ast.AST, ast.ClassDef | None]] = []
        """Decorated ``def``s seen in import-time code and not followed: a registry decorator stores them (R9-13)."""
        self.attr_bases: set[int] = set()
        """Ids of nodes scanned as the object of an attribute (``x`` of ``x.run``, ``C()`` of ``C().run``)."""
        self.held: set[int] = set()
        """Ids of calls whose result is only bound to a module-level name bound once (tracked through that name), only
        dropped (an expression statement) or only called (``C()()``, judged by the outer call)."""
        self.calls_through = False
        """Whether import-time code calls an object it does not name (``for f in HOOKS.values(): f()``, ``HOOKS[k]()``,
        a parameter or local): a function a decorator registered may be that object (review 10, A10-2)."""
        for statement in block_statements(tree.body):
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions[statement.name] = statement
                self.all_functions.setdefault(statement.name, []).append(statement)
            elif isinstance(statement, ast.ClassDef):
                self.classes[statement.name] = statement
                self.all_classes.setdefault(statement.name, []).append(statement)
                for member in block_statements(statement.body):
                    if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        self.method_class[id(member)] = statement.name
            elif isinstance(statement, (ast.Import, ast.ImportFrom)):
                self._bind_import(statement)
            elif isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
                name = statement.targets[0].id
                self._single[name] = statement.value if name not in self._single else _REBOUND
                self.values.setdefault(name, []).append(statement.value)
            elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) and statement.value is not None:
                self.values.setdefault(statement.target.id, []).append(statement.value)
        self.bound = _module_bound_names(tree)
        self._lazy: dict[str, frozenset[str]] = {}
        """Facts computed on first use, shared (by reference) with every :meth:`fresh` copy of this index."""
        """Every name the module's own code binds at module level (any spelling): what a PEP 562 ``__getattr__`` never serves."""
        self.scanned: dict[tuple[int, bool], list[tuple[ast.AST, dict[str, frozenset[str] | None]]]] = {}
        """``_nodes(body, {}, follow)`` of a body, kept for every run over this tree (the walk asks one module about many
        names, and their reaches share bodies): a pure function of the tree, whose env dicts no scan changes."""
        self.counts: dict[str, dict[str, int]] = {}
        """The tree's store counts (:meth:`_bound_once`), counted once for every run over it."""
        self.members: dict[int, list[ast.stmt]] = {}
        """A class's defs and nested classes in its body's blocks, in order (what :meth:`_method` looks through)."""

    def _bound_once(self, name: str) -> ast.expr | None:
        """The value of module-level ``name`` when one plain assignment is its only binding anywhere (counted lazily:
        one walk of the module, only when a dynamic import or an instance's method needs it)."""
        value = self._single.get(name)
        if value is None or value is _REBOUND:
            return None
        if self._counted is None:
            self._counted = self.counts.get("names")  # counted by an earlier run over the same tree
        if self._counted is None:
            counts: dict[str, int] = {}
            for node in ast.walk(self.tree):
                if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
                    counts[node.id] = counts.get(node.id, 0) + 1
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    counts[node.name] = counts.get(node.name, 0) + 1
                elif isinstance(node, (ast.Global, ast.Nonlocal)):
                    for declared in node.names:
                        counts[declared] = counts.get(declared, 0) + 2  # rebound from a function
            self._counted = self.counts["names"] = counts
        return value if self._counted.get(name) == 1 else None

    def _instance_class(self, name: str) -> str | None:
        """``C`` / ``mod.C`` for a module-level ``name = C(...)`` bound once, else None."""
        value = self._bound_once(name)
        if isinstance(value, ast.Call) and isinstance(value.func, (ast.Name, ast.Attribute)):
            return dotted_of(value.func)
        return None

    @property
    def surely_held(self) -> frozenset[str]:
        """Names the module's namespace holds whenever its ``__getattr__`` exists (:func:`_surely_held`): computed on
        the first question (most modules are never asked)."""
        found = self._lazy.get("held")
        if found is None:
            found = self._lazy["held"] = _surely_held(self.tree)
        return found

    @property
    def containers(self) -> frozenset[str]:
        """Module-level names bound once to a new built-in list/set/dict (:func:`_module_containers`), on first use."""
        found = self._lazy.get("containers")
        if found is None:
            found = self._lazy["containers"] = _module_containers(self.tree)
        return found

    def fresh(self) -> _Reacher:
        """A copy sharing the index (read-only after construction) with empty per-run state."""
        other = object.__new__(_Reacher)
        other.__dict__.update(self.__dict__)
        other.reach = Reach()
        other.done = set()
        other.todo = []
        other.methods_done = set()
        other.direct = set()
        other.withs = {}
        other.specs = 0
        other.imports = self.imports  # imports made in followed bodies are added per run: copied before the first
        other.all_imports = self.all_imports
        other.imports_owned = False
        other.module_vars = {}
        other.factories = set()
        other.registered = []
        other.calls_through = False
        other.attr_bases = set()
        other.held = set()
        return other

    # -- names -------------------------------------------------------------------------------------------------
    def _bind_import(self, statement: ast.Import | ast.ImportFrom) -> None:
        if not self.imports_owned:  # a run's first import in a followed body: its own copies, the index stays as built
            self.imports = dict(self.imports)
            self.all_imports = {name: list(targets) for name, targets in self.all_imports.items()}
            self.imports_owned = True
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                if alias.asname:
                    self.imports[alias.asname] = alias.name
                else:
                    self.imports.setdefault(alias.name.split(".")[0], alias.name.split(".")[0])
                bound_as = alias.asname or alias.name.split(".")[0]
                _add(self.all_imports, bound_as, alias.name if alias.asname else bound_as)
            return
        base = "." * statement.level + (statement.module or "")
        for alias in statement.names:
            if alias.name == "*":
                prefix = base if statement.module is None else f"{base}."
                if prefix not in self.stars:
                    self.stars.append(prefix)
                continue
            joined = f"{base}{alias.name}" if statement.module is None else f"{base}.{alias.name}"
            self.imports[alias.asname or alias.name] = joined
            _add(self.all_imports, alias.asname or alias.name, joined)

    # -- driving -----------------------------------------------------------------------------------------------
    def run(self, roots: frozenset[str], module_level: bool) -> Reach:
        """Follow the module-level code (when ``module_level``) and the ``roots`` run from another module.

        Bodies reached from ``roots`` are followed but not "surely run" (they never enter :attr:`direct`): whether
        the referring site surely runs is not carried across modules, and marking them sure made a computed
        ``import_module(name)`` in any helper another module merely names (jinja2's and Django's ``import_string``)
        unprove every walk through it. Unknown code in such bodies is assumption 15, like other code that may run.
        """
        if module_level:
            self._scan(self.tree, None, {}, follow_bodies=False)
            self.reach.unread.extend(_annotation_code(self.tree))
        for marked in sorted(roots):
            mark, root = split_mark(marked)
            if mark == DECORATES:
                # `%register|m.f` from m (R9-13): this module's decorator `register` is applied to m.f; when it may call
                # what it receives, m.f's body may run (the plain edge back). A re-exported decorator asks on.
                name, _, decorated = root.partition("|")
                factory = name.endswith("()")
                name = name.removesuffix("()")
                head, dot, rest = name.partition(".")
                if dot:
                    # `%utils.internalcode|...` asked of package `jinja2` (every module/object split of the edge is
                    # asked): a name the package never binds is its submodule, asked at the longer split; an import
                    # asks on; anything else bound here (a class, a value, a star import) may be any decorator.
                    if head in self.all_imports:
                        for imported in self.all_imports[head]:
                            self.reach.runs.append(f"{DECORATES}{imported}.{rest}{'()' if factory else ''}|{decorated}")
                    elif head in self.bound or self.stars:
                        self.reach.runs.append(decorated)
                    continue
                if self._decorator_may_call(name, factory):
                    self.reach.runs.append(decorated)
                elif any(_keeps_received(function, factory=factory) for function in self.all_functions.get(name, ())):
                    # a registration: the stored function runs if any import-time code calls what it cannot name
                    self.reach.runs.append(REGISTERED + decorated)
                for imported in self.all_imports.get(name, ()):
                    self.reach.runs.append(f"{DECORATES}{imported}{'()' if factory else ''}|{decorated}")
                continue
            if mark == READ:
                # `from pkg import a, b` / `hasattr(pkg, "a")` surely ran: a name the package never binds is served by
                # its `__getattr__`. `from pkg import *` reads every name of the package's `__all__` (R9-8).
                names = self._star_names() if root == "*" else frozenset(name.partition(".")[0] for name in root.split(","))
                unbound = None if names is None else sorted(name for name in names if name not in self.surely_held)
                if unbound is None or unbound:
                    self._refer("__getattr__", None, None, sure=True)
                if root == "*" and self.module is not None:
                    # importlib then imports `pkg.name` for each name of `__all__` still missing: a submodule runs
                    self.reach.imports.extend(f"{self.module}.{name}" for name in unbound or ())
                continue
            name, _, attr = root.partition(".")
            if mark == ESCAPE:
                # Another module's code that surely runs uses this module's object whole: an instance's methods may run.
                self._refer(name, None, None)
                self._escaped(name)
                continue
            if ("__getattr__" in self.bound or self.stars) and name not in self.surely_held:  # cheap tests first: few modules have one
                # Another module reads a name this module may not hold at that moment (never bound, bound under a
                # condition, deleted, or bound only after `__getattr__` exists: an import cycle can read it in between;
                # a star import may not provide it): its PEP 562 `__getattr__` serves it (R8-7).
                self._refer("__getattr__", None, None, sure=mark in (SURE, FACTORY))
                if attr:
                    # `pkg.Defaults.apply()` where `__getattr__` returns some class of the module: that method of any
                    # class here may run (hostile review 11)
                    for klasses in self.all_classes.values():
                        for klass in klasses:
                            self._method(klass, attr.split(".")[0], set())
            self._refer(name, attr.split(".")[0] if attr else None, None, sure=mark in (SURE, FACTORY), factory=mark == FACTORY)
        cut = self._drain()
        while not cut and self.calls_through and self.registered:
            # Import-time code calls objects it does not name: the functions registered by decorators may be them
            # (`@hook def f(): ...` then `for f in HOOKS.values(): f()`; review 10, A10-2).
            pending, self.registered = self.registered, []
            for node, owner in pending:
                self._follow(node, owner)
            cut = self._drain()
        if not cut:
            self._hand_over_registered()
        self.reach.imports = list(dict.fromkeys(self.reach.imports))
        self.reach.runs = list(dict.fromkeys(self.reach.runs))
        return self.reach

    def _hand_over_registered(self) -> None:
        """Tell the walk what is left of this module's registrations: another module's import-time code may call the
        registered functions through the container it reads (``for f in app.HOOKS: f()``), and this module's code may
        call objects another module registered. Registered functions the walk cannot name back (a nested ``def``)
        are followed here."""
        pending, self.registered = self.registered, []
        for node, owner in pending:
            named = self._named_back(node)
            if named is None:
                self._follow(node, owner)
            else:
                self.reach.runs.append(REGISTERED + named)
        if pending:
            self._drain()
        if self.calls_through:
            self.reach.runs.append(CALLS_UNNAMED)

    def _drain(self) -> bool:
        """Scan the bodies queued for following; True when the bound cut the reach (the rest counts as unknown)."""
        while self.todo:
            node, owner = self.todo.pop(0)
            if len(self.reach.bodies) >= MAX_BODIES:
                self.reach.unknown.append((getattr(node, "lineno", 1), f"more than {MAX_BODIES} functions run at import time"))
                return True
            self.reach.bodies.append(node)
            self._scan(node, owner, {}, follow_bodies=True)
            if id(node) in self.factories:
                # `@backend("x")` applied: what the factory returns (its nested `def register`) is applied at once.
                for inner in _returned_functions(node):
                    self.direct.add(id(inner))
                    self._follow(inner, owner)
        return False

    def _star_names(self) -> frozenset[str] | None:
        """The names ``from <this module> import *`` reads: its ``__all__`` when every module-level binding of it is a
        literal list/tuple of strings (``=``, ``+=``, annotated) and nothing else touches it (``__all__.append(x)``,
        ``__all__ = [*a]``); the empty set when the module binds no ``__all__`` (then only names in its namespace are
        copied, and no module ``__getattr__`` runs); None when not known statically (R9-8)."""
        names: set[str] = set()
        stores = accepted = 0
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Name) and node.id == "__all__":
                if not isinstance(node.ctx, ast.Store):
                    return None  # read, extended, deleted: not known
                stores += 1
            elif (isinstance(node, ast.Attribute) and node.attr == "__all__") or (isinstance(node, ast.Constant) and node.value == "__all__"):
                return None  # `sys.modules[__name__].__all__ = …`, `globals()["__all__"] = …`
        for statement in block_statements(self.tree.body):
            if isinstance(statement, ast.Assign):
                targets, value = statement.targets, statement.value
            elif isinstance(statement, (ast.AnnAssign, ast.AugAssign)):
                targets, value = [statement.target], statement.value
            else:
                continue
            if not any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
                continue
            if len(targets) != 1 or not isinstance(value, (ast.List, ast.Tuple)):
                return None
            for element in value.elts:
                if not (isinstance(element, ast.Constant) and isinstance(element.value, str)):
                    return None
                names.add(element.value)
            accepted += 1
        if stores != accepted or ("__all__" in self.bound and not accepted):
            return None  # bound some other way too (a loop or `with` target, in a function, an import)
        return frozenset(names)

    def _follow(self, node: ast.AST, owner: ast.ClassDef | None) -> None:
        if id(node) not in self.done:
            self.done.add(id(node))
            self.todo.append((node, owner))

    def _refer(self, name: str, attr: str | None, owner: ast.ClassDef | None, *, sure: bool = False, factory: bool = False) -> None:
        """Import-time code refers to ``name`` (``name.attr`` when ``attr``); ``sure``: it surely calls it (a call by
        name or a decorator application in code that surely runs), ``factory``: as a decorator factory.

        Every binding of ``name`` is followed (hostile review 8, R8-4): each ``def`` and ``class`` of that name
        anywhere in the module's top-level blocks, each import binding it (also one made in a followed body), each
        instance assigned to it, and - when the module binds it no other way - the modules it star-imports."""
        if name in ("self", "cls") and owner is not None:
            if attr is not None:
                self._method(owner, attr, set())
            return
        mark = (FACTORY if factory else SURE) if sure else ""
        found = False
        if sure and attr is None and name not in self.all_functions and name not in self.all_classes:
            # `setup = load_plugins` then `setup()`: the alias is the function it holds (review 9, R9-2)
            for value in self.values.get(name, ()):
                if isinstance(value, ast.Name) and value.id != name and value.id not in self.values:
                    self._refer(value.id, None, owner, sure=True, factory=factory)
        for function in self.all_functions.get(name, ()):
            found = True
            if sure and attr is None:
                self.direct.add(id(function))
                if factory:
                    self.factories.add(id(function))
            self._follow(function, None)
        for klass in self.all_classes.get(name, ()):
            found = True
            for hook in HOOKS:
                # a call of the class surely constructs it; applied as a decorator factory (`@backend("x")`), the
                # instance's __call__ surely runs too (review 9, R9-2 RM4)
                surely = sure and attr is None and (hook in ("__new__", "__init__", "__post_init__") or factory and hook == "__call__")
                self._method(klass, hook, set(), sure=surely)
            if attr is not None:
                self._method(klass, attr, set(), sure=sure)
        for target in self.all_imports.get(name, ()):
            found = True
            self.reach.runs.append(mark + (f"{target}.{attr}" if attr is not None else target))
        if attr is not None:
            for value in self.values.get(name, ()):
                made = dotted_of(value.func) if isinstance(value, ast.Call) else None
                if made is None:
                    continue
                head, _, rest = made.partition(".")
                for klass in self.all_classes.get(head, ()) if not rest else ():
                    self._method(klass, attr, set(), sure=sure)  # `plugins = Registry(); plugins.load()` (R9-2)
                if (rest and "." not in rest and head in self.all_classes) or (not rest and head in self.all_functions):
                    # `defaults = EnvDefaults.from_file()` / `defaults = make_defaults()`: an alternate constructor or a
                    # factory may return an instance of any class of the module (review 9, R9-12)
                    for klasses in self.all_classes.values():
                        for klass in klasses:
                            self._method(klass, attr, set(), sure=sure)
                for target in self.all_imports.get(head, ()):
                    self.reach.runs.append(f"{mark}{target}{'.' + rest if rest else ''}.{attr}")
            for module in sorted(self.module_vars.get(name, ())):
                self.reach.runs.append(f"{SURE if sure else ''}{module}.{attr}")
        if not found and name not in self.bound:
            for prefix in self.stars:
                self.reach.runs.append(mark + prefix + name + (f".{attr}" if attr is not None else ""))

    def _method(self, klass: ast.ClassDef, name: str, seen: set[str], *, sure: bool = False) -> None:
        """Follow ``klass.name`` as Python finds it: the class's own definition, else its bases' (module or imported).
        ``sure``: surely called (a method called on a module-level instance by code that surely runs)."""
        if klass.name in seen or (id(klass), name, sure) in self.methods_done:
            return
        seen.add(klass.name)
        self.methods_done.add((id(klass), name, sure))
        members = self.members.get(id(klass))
        if members is None:
            kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
            members = self.members[id(klass)] = [s for s in block_statements(klass.body) if isinstance(s, kinds)]
        for statement in members:
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and _named(statement.name, name):
                if sure and statement.name == name:
                    self.direct.add(id(statement))
                self._follow(statement, klass)
            elif isinstance(statement, ast.ClassDef) and statement.name == name:
                # `Settings.Defaults.apply()`: a reference keeps two parts (`Settings.Defaults`), so what is used of
                # the nested class is not known: every method of it may run (hostile review 11)
                self._all_methods(statement)
        for base in klass.bases:
            dotted = dotted_of(base)
            if dotted is None:
                continue
            head, _, rest = dotted.partition(".")
            # Every class and import binding the base's name (R8-4), or the star-imported modules for a name the
            # module binds no other way.
            for base_class in self.all_classes.get(head, ()) if not rest else ():
                self._method(base_class, name, seen, sure=sure)
            for target in self.all_imports.get(head, ()):
                self.reach.runs.append(f"{target}{'.' + rest if rest else ''}.{name}")
            if head not in self.bound:
                self.reach.runs.extend(f"{prefix}{dotted}.{name}" for prefix in self.stars)

    # -- scanning ----------------------------------------------------------------------------------------------
    def _scan(self, root: ast.AST, owner: ast.ClassDef | None, loops: dict[str, frozenset[str] | None], follow_bodies: bool) -> None:
        sure = root is self.tree or id(root) in self.direct
        nodes: Iterable[tuple[ast.AST, dict[str, frozenset[str] | None]]]
        if loops:
            nodes = _nodes(root, loops, follow_bodies)
        else:
            nodes = self.scanned.get((id(root), follow_bodies))  # type: ignore[assignment]
            if nodes is None:
                nodes = self.scanned[(id(root), follow_bodies)] = list(_nodes(root, loops, follow_bodies))
        for node, env in nodes:
            shadow = env.get(_SHADOW) or frozenset()
            certain = sure and env.get(_NESTED) is None
            if certain:
                # Surely called: by name (`setup()`, `mod.setup()`), or applied as a decorator (`@configure`,
                # `@backend("x")`: a factory, whose returned function is applied too). Carried across modules (A8-1).
                if isinstance(node, ast.Call):
                    self._surely_called(node.func, owner, shadow, factory=False)
                for decorator in getattr(node, "decorator_list", ()) if node is not root else ():
                    if isinstance(decorator, ast.Call):
                        self._surely_called(decorator.func, owner, shadow, factory=True)
                    else:
                        self._surely_called(decorator, owner, shadow, factory=False)
                    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and self._may_call_decorated(decorator, shadow):
                        # `@run_at_import def _defaults(): ...`: the module's own decorator receives the function and
                        # may call it at once (review 9, R9-13): its body may run
                        self._follow(node, owner)
                    elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        self._imported_decorator(decorator, node, owner, shadow)
                    elif isinstance(node, ast.ClassDef) and self._may_call_decorated(decorator, shadow):
                        # `@configure class Defaults` with `def configure(klass): klass.apply()`: a class decorator
                        # that may use what it receives may run any method of the class (hostile review 11)
                        self._all_methods(node)
                    elif isinstance(node, ast.ClassDef):
                        self._imported_decorator(decorator, node, owner, shadow)
            if certain:
                self._note_instances(node, owner, shadow, root)
            if isinstance(node, ast.Call):
                if not self.calls_through and (self._calls_unnamed(node.func, shadow) or self._applies_unnamed(node, shadow)):
                    self.calls_through = True
                if certain:
                    self._indirect_module_reads(node, shadow)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node is not root and id(node) not in self.done and self._own_decorated(node, shadow):
                self.registered.append((node, owner))
            if isinstance(node, ast.Call) or isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
                self._fetched_by_name(node, env, owner, shadow, certain)
            elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load):
                self._own_namespace(node.value, node.slice, node, env, owner, shadow, sure=False)  # `f = globals()[k]`
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                held = self._imported_modules(node.value, env)
                if held:
                    self.module_vars[node.targets[0].id] = self.module_vars.get(node.targets[0].id, frozenset()) | held
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                if node.id not in shadow:
                    self._refer(node.id, None, owner)
            elif isinstance(node, ast.Attribute):
                # A load runs a property getter or `__getattr__`; a store or `del` runs the setter / deleter (defined
                # under the same name) or `__setattr__`/`__set__` (followed with the class's special methods).
                dotted = dotted_of(node)
                head, _, rest = (dotted or "").partition(".")
                if isinstance(node.value, ast.Name) and (head not in shadow or head in ("self", "cls")):
                    self._refer(head, node.attr, owner)
                    if certain and isinstance(node.ctx, ast.Load) and head not in ("self", "cls"):
                        # `X = pkg.defaults` where this code surely runs: pkg's PEP 562 `__getattr__` surely runs when
                        # pkg binds no `defaults` (R8-7 followed it only as code that may run; R9-8)
                        self.reach.runs.extend(f"{READ}{target}.{node.attr}" for target in self.all_imports.get(head, ()))
                elif isinstance(node.value, ast.Name) and head in self.module_vars:
                    # `mod = import_module("x")` local to a followed body, then `mod.f()`: x.f runs (R8-5).
                    self.reach.runs.extend(f"{module}.{node.attr}" for module in sorted(self.module_vars[head]))
                elif dotted is not None and head in self.imports and head not in shadow:
                    # `pkg.sub.setup()` after `import pkg.sub`: the object's full dotted name is the run edge.
                    self.reach.runs.append(f"{self.imports[head]}.{rest}")
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                if sure and env.get(_NESTED) is None:
                    self._require(node)
                    if isinstance(node, ast.ImportFrom) and node.module != "__future__":
                        # The names are read from the module: a PEP 562 `__getattr__` there runs for unbound ones (R8-7).
                        # `*` stands for the package's `__all__`, read in the package (R9-8)
                        names = ",".join(a.name for a in node.names)
                        if names:
                            base = "." * node.level + (node.module or "")
                            self.reach.runs.append(READ + (f"{base}{names}" if node.module is None else f"{base}.{names}"))
                if follow_bodies or id(node) not in self.top_level:
                    self._bind_import(node)
                    self._nested_import(node)
            elif isinstance(node, ast.Call):
                self._dynamic_import(node, env, sure and env.get(_NESTED) is None)
                self._loader_call(node, env, shadow, sure and env.get(_NESTED) is None)
            elif isinstance(node, (ast.With, ast.AsyncWith)):
                for item in node.items:
                    if isinstance(item.optional_vars, ast.Name):
                        self.withs[item.optional_vars.id] = item.context_expr
            elif isinstance(node, ast.ClassDef):
                # The enum machinery calls the class's own `_generate_next_value_` for each `auto()` while its body runs.
                self._method(node, "_generate_next_value_", set())
                self._class_body_calls(node, env, sure and env.get(_NESTED) is None)
            elif isinstance(node, ast.Lambda) and node is not root:
                self._follow(node, owner)  # a lambda made at import time is usually called there (key=, map, hooks)

    def _note_instances(self, node: ast.AST, owner: ast.ClassDef | None, shadow: frozenset[str], root: ast.AST) -> None:
        """Instances made by code that surely runs at import time, and where they go (review 10, R10-12/A10-4).

        A call's result is followed to what uses it: bound to a module-level name bound once (``x = C()``) it is
        tracked through that name (``x.run()`` follows ``run``, R9-2; ``x`` used whole — passed on, stored, returned,
        ``getattr(x, "run")()`` — makes every method of its class "may run"); an attribute of it (``C().run()``)
        follows that method; a dropped result (``C()`` alone) runs only the construction hooks. Any other use (an
        argument, a walrus, a tuple, a return value, a local) reaches every method. Nodes come parent first, so a
        parent marks its child before the child is seen."""
        if isinstance(node, ast.Attribute):
            self.attr_bases.add(id(node.value))
            if isinstance(node.value, ast.Call):
                self._instantiated(node.value.func, owner, shadow, node.attr)
        elif isinstance(node, ast.Expr):
            self.held.add(id(node.value))
        elif isinstance(node, ast.Assign) and root is self.tree and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if self._bound_once(node.targets[0].id) is node.value:
                self.held.add(id(node.value))
        elif isinstance(node, ast.Call):
            self.held.add(id(node.func))  # `C()()`: the instance is called (its __call__, a hook)
            if id(node) not in self.attr_bases and id(node) not in self.held:
                self._instantiated(node.func, owner, shadow, ALL_METHODS)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in shadow:
            if id(node) not in self.attr_bases and id(node) not in self.held:
                self._escaped(node.id)

    def _escaped(self, name: str) -> None:
        """Module-level ``name`` used whole by code that surely runs: when it holds an instance made by a call, every
        method of its class may run; a name imported from another module carries the question there (:data:`ESCAPE`)."""
        for value in self.values.get(name, ()):
            if isinstance(value, ast.Call):
                self._instantiated(value.func, None, frozenset(), ALL_METHODS)
        for target in self.all_imports.get(name, ()):
            self.reach.runs.append(ESCAPE + target)

    def _instantiated(self, called: ast.expr, owner: ast.ClassDef | None, shadow: frozenset[str], attr: str) -> None:
        """A call in code that surely runs at import time whose result's ``attr`` is used (:data:`ALL_METHODS`: any):
        when it makes an instance of a project class, that method of the class (or of its bases) may run.
        ``cls(...)``, ``type(self)(...)`` and ``self.__class__(...)`` in a method make an instance of the owner or of a
        subclass: every class of the module. A name of another module is a run edge ``pkg.mod.C.<attr>``."""
        if owner is not None and (
            (isinstance(called, ast.Name) and called.id == "cls")
            or (isinstance(called, ast.Attribute) and called.attr == "__class__" and isinstance(called.value, ast.Name) and called.value.id == "self")
            or (isinstance(called, ast.Call) and isinstance(called.func, ast.Name) and called.func.id == "type" and len(called.args) == 1)
        ):
            for klasses in self.all_classes.values():
                for klass in klasses:
                    self._method(klass, attr, set())
            return
        dotted = dotted_of(called)
        if dotted is None:
            return
        head, _, rest = dotted.partition(".")
        if head in shadow or head in ("self", "cls"):
            return
        if not rest:
            for klass in self.all_classes.get(head, ()):
                self._method(klass, attr, set())
        for target in self.all_imports.get(head, ()):
            # An imported name called: a class there makes an instance (a function there is followed already).
            self.reach.runs.append(f"{target}{'.' + rest if rest else ''}.{attr}")

    def _own_decorated(self, function: ast.FunctionDef | ast.AsyncFunctionDef, shadow: frozenset[str]) -> bool:
        """Whether one of ``function``'s decorators is the module's own class, or its own function (``@hook``,
        ``@hook("x")``) that may keep the function itself (:func:`_keeps_received`): it may be in a container of the
        module (a library's, ``@contextmanager``, does not)."""
        for decorator in function.decorator_list:
            applied = dotted_of(decorator.func if isinstance(decorator, ast.Call) else decorator)
            if applied is None or "." in applied or applied in shadow:
                continue
            if applied in self.all_classes:
                return True
            factory = isinstance(decorator, ast.Call)
            if any(_keeps_received(candidate, factory=factory) for candidate in self.all_functions.get(applied, ())):
                return True
        return False

    def _calls_unnamed(self, called: ast.expr, shadow: frozenset[str]) -> bool:
        """Whether a call's function is an object the reach cannot name: an item of a container (``HOOKS[k]()``), a
        call's result (``HOOKS.get(k)()``), a loop variable, parameter or other local, a module variable bound to
        anything but a name (A10-2). A method called on such an object (``p.run()``, ``f.__call__()``,
        ``self.callback()``, ``HOOKS[0].fire()``) is judged by that object: which method runs is not known either."""
        method = isinstance(called, ast.Attribute)
        while isinstance(called, ast.Attribute):
            called = called.value
        if method and isinstance(called, ast.Call) and isinstance(called.func, ast.Name) and called.func.id == "super" and "super" not in self.bound:
            return False  # `super().__new__(...)`: a method of a base class, followed with the class (not a registry)
        if isinstance(called, (ast.Subscript, ast.Call)):
            return True
        if not isinstance(called, ast.Name):
            return False
        name = called.id
        if name in shadow:
            return True
        if name in self.all_functions or name in self.all_classes or name in self.all_imports:
            return False
        values = self.values.get(name)
        if values is not None:
            if method and (name in self.containers or self._instance_class(name) in self.all_classes):
                return False  # a built-in container's method (`HOOKS.append(f)`), or a method of this module's class (followed)
            return any(not isinstance(v, (ast.Name, ast.Attribute, ast.Lambda)) for v in values)
        if name in self.bound:
            return not self._loops_over_names().get(name, False)  # bound by a loop, a `with`, a walrus...
        return False  # a builtin (or a name the module never binds: NameError)

    def _indirect_module_reads(self, call: ast.Call, shadow: frozenset[str]) -> None:
        """Attribute reads of an imported module that no ``m.x`` spells (hostile review 13): ``dir(m)`` calls its
        ``__dir__``; ``"{0.X}".format(m)`` / ``"{m.X}".format_map({"m": m})`` read ``m.X``, which its PEP 562
        ``__getattr__`` serves when ``m`` binds no ``X`` — edges like a spelled-out ``m.X`` in code that surely runs."""
        func = call.func
        if isinstance(func, ast.Name) and func.id == "dir" and func.id not in self.bound and len(call.args) == 1:
            argument = call.args[0]
            if isinstance(argument, ast.Name) and argument.id not in shadow:
                self.reach.runs.extend(f"{SURE}{target}.__dir__" for target in self.all_imports.get(argument.id, ()))
            return
        if not (isinstance(func, ast.Attribute) and func.attr in ("format", "format_map")):
            return
        if not (isinstance(func.value, ast.Constant) and isinstance(func.value.value, str)):
            return
        fields = replacement_fields(func.value.value)
        if fields is None:
            return
        named: dict[str, ast.expr] = {k.arg: k.value for k in call.keywords if k.arg is not None}
        if func.attr == "format_map" and call.args and isinstance(call.args[0], ast.Dict):
            named = {
                key.value: value for key, value in zip(call.args[0].keys, call.args[0].values)
                if isinstance(key, ast.Constant) and isinstance(key.value, str)
            }
        for field in fields:
            head = field.head
            argument = call.args[int(head)] if func.attr == "format" and head.isdigit() and int(head) < len(call.args) else named.get(head)
            attribute = field.rest.split(".")[0].split("[")[0]
            if attribute and isinstance(argument, ast.Name) and argument.id not in shadow:
                self.reach.runs.extend(f"{READ}{target}.{attribute}" for target in self.all_imports.get(argument.id, ()))

    def _applies_unnamed(self, call: ast.Call, shadow: frozenset[str]) -> bool:
        """Whether ``call`` hands an object the reach cannot name to library code that calls it: an applier of
        :data:`_APPLIERS` given one (``defaultdict(HOOKS[0])``, ``operator.call(f)`` on a loop variable), or an
        argument that is itself an applier or a ``methodcaller`` of any method (``map(operator.call, HOOKS)``,
        ``map(methodcaller("__call__"), HOOKS)``: it calls what the iterable holds)."""
        resolved = self._resolved(call.func, shadow)
        if resolved in _APPLIERS and call.args and self._calls_unnamed(call.args[0], shadow):
            return True
        for argument in [*call.args, *(k.value for k in call.keywords)]:
            value = argument.value if isinstance(argument, ast.Starred) else argument
            handed = self._resolved(value.func if isinstance(value, ast.Call) else value, shadow) if isinstance(value, (ast.Name, ast.Attribute, ast.Call)) else None
            if handed in ("operator.call", "operator.methodcaller") or (handed in _APPLIERS and not isinstance(value, ast.Call)):
                return True
        return False

    def _loops_over_names(self) -> dict[str, bool]:
        """Name -> whether its every binding in the module is a loop target over a literal collection of names
        (``for f in (setup, load): f()``: the reach follows each name listed). Counted once per tree."""
        found = self.counts.get("loops")
        if found is None:
            loops: dict[str, bool] = {}
            targets: dict[str, int] = {}
            stores: dict[str, int] = {}
            for node in ast.walk(self.tree):
                if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)) and isinstance(node.target, ast.Name):
                    listed = isinstance(node.iter, (ast.Tuple, ast.List, ast.Set)) and all(isinstance(e, (ast.Name, ast.Attribute)) for e in node.iter.elts)
                    loops[node.target.id] = loops.get(node.target.id, True) and listed
                    targets[node.target.id] = targets.get(node.target.id, 0) + 1
                elif isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
                    stores[node.id] = stores.get(node.id, 0) + 1
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    stores[node.name] = stores.get(node.name, 0) + 2
                elif isinstance(node, ast.alias):
                    bound = node.asname or node.name.split(".")[0]
                    stores[bound] = stores.get(bound, 0) + 2
            for name in loops:
                # every Store of the name is a loop target counted above (the target Name itself is one Store)
                loops[name] = loops[name] and stores.get(name, 0) == targets[name]
            found = self.counts["loops"] = loops  # type: ignore[assignment]
        return found  # type: ignore[return-value]

    def _may_call_decorated(self, decorator: ast.expr, shadow: frozenset[str]) -> bool:
        """Whether the module's own decorator (``@d`` or a factory ``@d(...)``) may call the function it receives:
        its (returned) wrapper calls its parameter or hands it to another call; a class decorator may do anything
        with it. A registration (``REGISTRY[f.__name__] = f; return f``) does not (R9-13)."""
        applied = dotted_of(decorator.func if isinstance(decorator, ast.Call) else decorator)
        if applied is None or "." in applied or applied in shadow:
            return False
        if applied in self.all_classes:
            return True
        return any(_may_call_received(function, factory=isinstance(decorator, ast.Call), containers=self.containers) for function in self.all_functions.get(applied, []))

    def _all_methods(self, klass: ast.ClassDef) -> None:
        """Every method of ``klass`` (and of its bases) may run."""
        self._method(klass, ALL_METHODS, set())

    def _imported_decorator(self, decorator: ast.expr, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef, owner: ast.ClassDef | None, shadow: frozenset[str]) -> None:
        """``@register`` / ``@decorators.register`` / ``@register("x")`` imported from another module on ``node``: ask
        that module whether the decorator may call the function it receives (a :data:`DECORATES` edge, answered by
        :meth:`_decorator_may_call` there; review 9, R9-13, also for a top-level module of a flat layout). A method
        directly in a module-level class is named back as ``m.Class.method`` (jinja2's ``@internalcode`` on
        ``Loader.load`` only records the code object; following every such body made each module importing jinja2
        unprovable). A function that cannot be named back (a nested ``def``, a method of a nested class): its body is
        followed."""
        applied = dotted_of(decorator.func if isinstance(decorator, ast.Call) else decorator)
        if applied is None:
            return
        head, _, rest = applied.partition(".")
        targets = self.all_imports.get(head, ()) if head not in shadow and head not in self.functions and head not in self.classes else ()
        if not targets:
            return
        named = self._named_back(node)
        if isinstance(node, ast.ClassDef):
            # a decorated class: when the decorator may use what it receives, any of its methods may run
            # (`m.Class.*`, answered like a function's edge)
            if named is None:  # a nested class cannot be named back
                self._all_methods(node)
                return
            named = f"{named}.{ALL_METHODS}"
        elif named is None:
            self._follow(node, owner)
            return
        suffix = "()" if isinstance(decorator, ast.Call) else ""
        for target in targets:
            self.reach.runs.append(f"{DECORATES}{target}{'.' + rest if rest else ''}{suffix}|{named}")

    def _named_back(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> str | None:
        """``m.f`` for a module-level ``def``/``class``, ``m.Class.method`` for a method directly in a module-level
        class: the name another module's reach can be asked about; None for anything nested deeper."""
        if self.module is None:
            return None
        if id(node) in self.top_level:
            return f"{self.module}.{node.name}"
        klass = self.method_class.get(id(node))
        return f"{self.module}.{klass}.{node.name}" if klass is not None else None

    def _decorator_may_call(self, name: str, factory: bool) -> bool:
        """Whether this module's ``name``, applied as a decorator (``factory``: called first, its result applied), may
        call the function it receives: a function (or a function its factory returns) that calls its parameter or
        hands it to another call, a class, or an object the reach cannot see into (bound by an assignment, not bound
        here). A pure registration (``REGISTRY[f.__name__] = f; return f``) does not (R9-13)."""
        if name in self.all_classes or name in self.values:
            return True
        candidates = self.all_functions.get(name, [])
        if not candidates:
            return name not in self.all_imports  # an import is asked in its own module; anything else is not known
        return any(_may_call_received(function, factory=factory, containers=self.containers) for function in candidates)

    def _surely_called(self, called: ast.expr, owner: ast.ClassDef | None, shadow: frozenset[str], *, factory: bool) -> None:
        """``called`` (a call's function or a decorator) surely runs: mark what it names as surely run."""
        if isinstance(called, ast.Name) and called.id not in shadow:
            self._refer(called.id, None, owner, sure=True, factory=factory)
        elif isinstance(called, ast.Attribute) and isinstance(called.value, ast.Name):
            head = called.value.id
            if head not in shadow and head not in ("self", "cls") and (head in self.all_imports or head in self.module_vars or head in self.values):
                self._refer(head, called.attr, owner, sure=True, factory=factory)

    def _class_body_calls(self, klass: ast.ClassDef, env: dict[str, frozenset[str] | None], sure: bool) -> None:
        """A function defined in a class body and used there runs while the class statement runs (R8-12):
        ``def _env(n, d): ...`` then ``X = _env("A", "b")`` in the body. Followed; surely run when called there."""
        local = {s.name: s for s in block_statements(klass.body) if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
        if not local:
            return
        # The class node as the root: its statements run, the bodies of the methods in it do not (only when called).
        for node, _ in _nodes(klass, env, False):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in local and sure:
                self.direct.add(id(local[node.func.id]))
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in local:
                self._follow(local[node.id], klass)

    def _imported_modules(self, value: ast.AST, env: dict[str, frozenset[str] | None]) -> frozenset[str]:
        """The modules ``value`` may be when it is ``import_module(NAME)`` / ``__import__(NAME)`` with NAME known."""
        if not isinstance(value, ast.Call):
            return frozenset()
        resolved = self._resolved(value.func)
        if resolved not in ("importlib.import_module", "importlib.__import__", "builtins.__import__", "__import__"):
            return frozenset()
        argument = value.args[0] if value.args else next((k.value for k in value.keywords if k.arg == "name"), None)
        names = self._strings(argument, env) if argument is not None else None
        if not names or any(name.startswith(".") for name in names):
            return frozenset()
        return names if not resolved.endswith("__import__") else frozenset(name.split(".")[0] for name in names)

    def _fetched_by_name(
        self, node: ast.Call | ast.Attribute, env: dict[str, frozenset[str] | None], owner: ast.ClassDef | None, shadow: frozenset[str], sure: bool
    ) -> None:
        """Functions import-time code looks up by a name string and calls (hostile review 8, R8-5): Django's
        ``import_string("m.f")``, ``pkgutil.resolve_name("m:f")``, ``import_module(m).f`` / ``getattr(import_module(m),
        "f")``, ``globals()[name]`` / ``vars()[name]`` / ``globals().get(name)``. A known name is a run edge (or a
        function of this module) - surely run when called where code surely runs; an unknown one there is unknown
        code (TG009), elsewhere every function of the module may run."""
        if isinstance(node, ast.Attribute):
            for module in sorted(self._imported_modules(node.value, env)):
                self.reach.runs.append(f"{module}.{node.attr}")
            return
        called = node.func
        # `import_string(path)()` / `resolve_name(path)()`: the fetched object is called at once.
        fetched = self._fetched_objects(node, env)
        if fetched:
            self.reach.runs.extend(fetched)
        if isinstance(called, ast.Call):
            for dotted in self._fetched_objects(called, env) or ():
                self.reach.runs.append(SURE + dotted if sure else dotted)
        if isinstance(called, ast.Attribute) and isinstance(called.value, ast.Call) and sure:
            for module in sorted(self._imported_modules(called.value, env)):
                self.reach.runs.append(f"{SURE}{module}.{called.attr}")
        resolved = self._resolved(called, shadow) if isinstance(called, (ast.Name, ast.Attribute)) else None
        if resolved in ("getattr", "builtins.getattr", "hasattr", "builtins.hasattr") and len(node.args) >= 2 and isinstance(node.args[0], ast.Name):
            # `hasattr(pkg, "x")` / `getattr(pkg, "x", None)` on an imported project module read pkg.x: its PEP 562
            # `__getattr__` runs when pkg binds no x - surely, where this code surely runs (R9-8)
            head = node.args[0].id
            attributes = self._strings(node.args[1], env) if head not in shadow else None
            for target in self.all_imports.get(head, ()) if attributes else ():
                self.reach.runs.extend(f"{READ if sure else ''}{target}.{attribute}" for attribute in sorted(attributes))  # type: ignore[union-attr]
        if resolved in ("getattr", "builtins.getattr") and len(node.args) >= 2:
            modules = self._imported_modules(node.args[0], env)
            attributes = self._strings(node.args[1], env)
            if modules and attributes:
                self.reach.runs.extend(f"{m}.{a}" for m in sorted(modules) for a in sorted(attributes))
            elif modules and sure:
                self.reach.unread.append((node.lineno, f"'{ast.unparse(node)[:60]}' runs a function whose name is not known statically"))
        # The module's own namespace looked up by a string: `globals()[k]()`, `vars()[k]`, `globals().get(k)`,
        # `getattr(sys.modules[__name__], k)()`.
        if isinstance(called, ast.Subscript):
            self._own_namespace(called.value, called.slice, node, env, owner, shadow, sure=sure)
        elif isinstance(called, ast.Attribute) and called.attr == "get" and node.args:
            self._own_namespace(called.value, node.args[0], node, env, owner, shadow, sure=sure)
        elif resolved in ("getattr", "builtins.getattr") and len(node.args) >= 2 and self._is_own_module(node.args[0]):
            self._own_namespace(None, node.args[1], node, env, owner, shadow, sure=False)
        if isinstance(called, ast.Call) and isinstance(called.func, ast.Name) and called.func.id == "getattr" and len(called.args) >= 2:
            if self._is_own_module(called.args[0]):
                self._own_namespace(None, called.args[1], node, env, owner, shadow, sure=sure)

    def _is_own_module(self, node: ast.AST) -> bool:
        """``sys.modules[__name__]``: this module's own object."""
        return (
            isinstance(node, ast.Subscript) and self._resolved(node.value) == "sys.modules"
            and isinstance(node.slice, ast.Name) and node.slice.id == "__name__"
        )

    def _own_namespace(
        self, namespace: ast.AST | None, key: ast.expr, node: ast.AST, env: dict[str, frozenset[str] | None],
        owner: ast.ClassDef | None, shadow: frozenset[str], *, sure: bool,
    ) -> None:
        """A value looked up by the string ``key`` in the module's own namespace (``namespace`` is ``globals()`` /
        ``vars()`` / ``locals()`` at module level; None: already known to be the module): with the key known, the
        names are referred to (surely run when ``sure``); not known, TG009 where ``sure``, else every function of
        the module may run (R8-5)."""
        if namespace is not None:
            if not (
                isinstance(namespace, ast.Call) and not namespace.args and isinstance(namespace.func, ast.Name)
                and namespace.func.id in ("globals", "vars", "locals") and namespace.func.id not in shadow
                and namespace.func.id not in self.bound
            ):
                return
            if namespace.func.id in ("locals", "vars") and env.get(_SHADOW):
                return  # a function's own locals
        names = self._strings(key, env)
        if names is None:
            if sure:
                line = getattr(node, "lineno", 1)
                self.reach.unread.append((line, f"'{ast.unparse(node)[:60]}' calls a function of the module whose name is not known statically"))
            else:
                for functions in self.all_functions.values():
                    for function in functions:
                        self._follow(function, None)
            return
        for name in sorted(names):
            self._refer(name, None, owner, sure=sure)

    def _fetched_objects(self, call: ast.Call, env: dict[str, frozenset[str] | None]) -> list[str] | None:
        """``import_string("m.f")`` / ``pkgutil.resolve_name("m:f")`` (or ``"m.f"``) with a known name: the objects'
        dotted names (``m.f``); None for any other call or a name not known (the import rule reports that)."""
        resolved = self._resolved(call.func) if isinstance(call.func, (ast.Name, ast.Attribute)) else None
        if resolved not in ("django.utils.module_loading.import_string", "pkgutil.resolve_name"):
            return None
        argument = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg in ("dotted_path", "name")), None)
        names = self._strings(argument, env) if argument is not None else None
        if not names:
            return None
        return [name.replace(":", ".") for name in sorted(names) if not name.startswith(".")]

    def _nested_import(self, statement: ast.Import | ast.ImportFrom) -> None:
        if isinstance(statement, ast.Import):
            self.reach.imports.extend(alias.name for alias in statement.names)
            return
        module = "." * statement.level + (statement.module or "")
        self.reach.imports.append(module)
        self.reach.imports.extend(
            f"{module}{'' if statement.module is None else '.'}{alias.name}" for alias in statement.names if alias.name != "*"
        )

    def _dynamic_import(self, call: ast.Call, env: dict[str, frozenset[str] | None], sure: bool = True) -> None:
        dotted = dotted_of(call.func)
        if dotted is None:
            return
        head, _, rest = dotted.partition(".")
        resolved = f"{self.imports[head]}{'.' + rest if rest else ''}" if head in self.imports else dotted
        if resolved not in _IMPORTING or (head == "__import__" and head in self.functions):
            return
        line = getattr(call, "lineno", 1)
        argument = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg in ("name", "mod_name")), None)
        if isinstance(argument, ast.Name) and argument.id in ("__name__", "__package__") and argument.id not in self._single:
            return  # this module or its package: being imported already (sys.modules answers), nothing new runs
        names = self._strings(argument, env) if argument is not None else None
        if names is None:
            if sure:  # elsewhere (code only possibly run) an unknown name is a stated assumption (docs/check.md, 15)
                self.reach.unknown.append((line, f"'{ast.unparse(call)[:60]}' imports a module whose name is not known statically"))
            return
        anchor = call.args[1] if len(call.args) > 1 and resolved.endswith("import_module") else next(
            (k.value for k in call.keywords if k.arg == "package"), None
        )
        level = 0
        if resolved.endswith("__import__"):
            level_node = call.args[4] if len(call.args) > 4 else next((k.value for k in call.keywords if k.arg == "level"), None)
            if level_node is not None:
                if not (isinstance(level_node, ast.Constant) and isinstance(level_node.value, int)):
                    self.reach.unknown.append((line, f"'{ast.unparse(call)[:60]}' imports relative to a level not known statically"))
                    return
                level = level_node.value
        for name in sorted(names):
            if resolved == "pkgutil.resolve_name":
                if ":" not in name:
                    # `resolve_name("m.f")` imports the longest importable prefix: which one is not known here, so
                    # every prefix is walked (a missing one is no file) and only the top package is required.
                    prefixes = name.split(".")
                    self.reach.imports.extend(".".join(prefixes[:i]) for i in range(1, len(prefixes) + 1))
                    if sure:
                        self.reach.requires.append((prefixes[0], line))
                    continue
                name = name.partition(":")[0]
            elif resolved == "django.utils.module_loading.import_string":
                name = name.rpartition(".")[0]  # `import_string("m.f")` imports m, then reads f (a run edge)
                if not name:
                    continue
            if level:
                name = "." * level + name
            if name.startswith("."):
                absolute = self._anchor(name, anchor)
                if absolute is None:
                    self.reach.unknown.append((line, f"'{ast.unparse(call)[:60]}' imports relative to a package not known statically"))
                    continue
                name = absolute
            self.reach.imports.append(name)
            if sure and resolved not in _FINDERS:
                self.reach.requires.append((name, line))
            if resolved in _FINDERS:
                self.specs += 1
            if resolved.endswith("__import__"):
                fromlist = call.args[3] if len(call.args) > 3 else next((k.value for k in call.keywords if k.arg == "fromlist"), None)
                for item in sorted(self._elements(fromlist, env) or ()) if fromlist is not None else ():
                    self.reach.imports.append(f"{name}.{item}")

    def _require(self, statement: ast.Import | ast.ImportFrom) -> None:
        """Note the modules an import statement that surely runs needs (R7-8: one found nowhere is unknown code)."""
        line = statement.lineno
        if isinstance(statement, ast.Import):
            self.reach.requires.extend((alias.name, line) for alias in statement.names)
        else:
            base = "." * statement.level + (statement.module or "")
            if statement.module is not None:
                self.reach.requires.append((base, line))
            # `from . import x` / `from pkg import x`: x is an attribute of the package or, when its __init__ binds no
            # such name, the submodule pkg.x (review 9, R9-6): settled against the package's own bindings
            self.reach.requires.extend((f"{base}{SUBMODULE_MARK}{alias.name}", line) for alias in statement.names if alias.name != "*")

    def _resolved(self, node: ast.AST, shadow: frozenset[str] = frozenset(), depth: int = 0) -> str | None:
        """The dotted name of the (imported or built-in) object ``node`` names: imports and aliases bound once are
        followed; a name of this module's own function or class, or a local, is None."""
        dotted = dotted_of(node)
        if dotted is None or depth > 4:
            return None
        head, _, rest = dotted.partition(".")
        if head in shadow or head in self.functions or head in self.classes:
            return None
        if head in self.imports:
            return f"{self.imports[head]}{'.' + rest if rest else ''}"
        value = self._bound_once(head) if head in self._single else None
        if isinstance(value, (ast.Name, ast.Attribute)):
            base = self._resolved(value, shadow, depth + 1)
            return None if base is None else f"{base}{'.' + rest if rest else ''}"
        return None if head in self._single else dotted

    def _loader_call(self, call: ast.Call, env: dict[str, frozenset[str] | None], shadow: frozenset[str], sure: bool) -> None:
        """Code run by path, by ``exec``/``eval``, or through a loader (hostile review 7, R7-5): a file whose path is
        known is read by the walk (:attr:`Reach.files`); any other such call in code that surely runs is unknown."""
        line = call.lineno
        shown = ast.unparse(call)[:60]
        resolved = self._resolved(call.func, shadow)
        if resolved in _PATH_RUNNERS:
            index, keyword = _PATH_RUNNERS[resolved]
            argument = call.args[index] if len(call.args) > index else next((k.value for k in call.keywords if k.arg == keyword), None)
            where = self._path(argument, shadow)
            if where is not None and resolved not in ("importlib.machinery.SourcelessFileLoader", "importlib.machinery.ExtensionFileLoader"):
                self.reach.files.append((where, line))
                self.specs += 1
            elif sure:
                self.reach.unread.append((line, f"'{shown}' runs a file whose path (or code) is not known statically"))
            return
        if resolved in _CODE_RUNNERS:
            code = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg in ("source", "object")), None)
            where = self._source_file(code, shadow)
            if where is not None:
                self.reach.files.append((where, line))
            elif _inert_code(code, [*call.args[1:], *(k.value for k in call.keywords if k.arg in ("globals", "locals"))]):
                pass  # `exec("x = 1", ns)`: a literal that binds or reads plain values runs nothing
            elif sure:
                self.reach.unread.append((line, f"'{shown}' runs code that is not read (a string or code object)"))
            return
        if resolved == "logging.config.dictConfig" and not _plain_logging_config(call):
            if sure:
                self.reach.unread.append((line, f"'{shown}' configures logging from data that names factories and classes to import and call"))
            return
        if resolved in ("operator.attrgetter", "operator.methodcaller") and _plain_getters(call):
            return  # `attrgetter("__class__")` (Django's LazyObject): reads a named attribute, writes nothing
        if resolved in _UNREAD_RUNNERS:
            if sure and _UNREAD_RUNNERS[resolved] is not None:
                self.reach.unread.append((line, f"'{shown}' {_UNREAD_RUNNERS[resolved]}"))
            return
        if isinstance(call.func, ast.Attribute) and call.func.attr in ("exec_module", "load_module"):
            if sure and not self.specs:  # a spec or loader from something the walk did not read (find_spec(name)...)
                self.reach.unread.append((line, f"'{shown}' runs a module through a loader the walk does not follow"))
            return
        if resolved in ("map", "builtins.map") and len(call.args) >= 2:
            applied = self._resolved(call.args[0], shadow)
            if applied in _IMPORTING:
                names = self._elements(call.args[1], env) if len(call.args) == 2 else None
                if names is not None:
                    self.reach.imports.extend(sorted(names))
                    if sure and applied not in _FINDERS:
                        self.reach.requires.extend((name, line) for name in sorted(names))
                    return
        # An importing or code-running function handed on as a value (`map(import_module, names)` beyond a literal,
        # `partial(run_path, p)`, `key=import_module`): what it runs is not read.
        for argument in [*call.args, *(k.value for k in call.keywords)]:
            value = argument.value if isinstance(argument, ast.Starred) else argument
            if isinstance(value, (ast.Name, ast.Attribute)):
                handed = self._resolved(value, shadow)
                if handed is not None and (handed in _IMPORTING or handed in _PATH_RUNNERS or handed in _CODE_RUNNERS):
                    if sure:
                        self.reach.unread.append((line, f"'{shown}' hands {handed} on: what it imports or runs is not known statically"))
                    return

    def _source_file(self, code: ast.expr | None, shadow: frozenset[str]) -> str | None:
        """The file whose text ``code`` is (``open(p).read()``, ``f.read()`` of ``with open(p) as f``,
        ``Path(p).read_text()``, ``compile(<one of those>, ...)``), relative to the module's directory; else None."""
        for _ in range(4):
            if not isinstance(code, ast.Call):
                return None
            called = self._resolved(code.func, shadow)
            if called in ("compile", "builtins.compile") and code.args:
                code = code.args[0]
                continue
            if not isinstance(code.func, ast.Attribute) or code.args:
                return None
            receiver = code.func.value
            if code.func.attr in ("read_text", "read_bytes"):
                return self._path(receiver, shadow)
            if code.func.attr != "read":
                return None
            if isinstance(receiver, ast.Name) and receiver.id in self.withs:
                receiver = self.withs[receiver.id]
            elif isinstance(receiver, ast.Name) and self._bound_once(receiver.id) is not None:
                receiver = self._bound_once(receiver.id)
            if isinstance(receiver, ast.Call) and receiver.args:
                opener = self._resolved(receiver.func, shadow)
                if opener in _OPENERS:
                    return self._path(receiver.args[0], shadow)
                if isinstance(receiver.func, ast.Attribute) and receiver.func.attr == "open":
                    return self._path(receiver.func.value, shadow)
            elif isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Attribute) and receiver.func.attr == "open":
                return self._path(receiver.func.value, shadow)  # Path(p).open().read()
            return None
        return None

    def _path(self, node: ast.expr | None, shadow: frozenset[str]) -> str | None:
        """The file ``node`` names, relative to this module's directory (``boot.py``, ``../conf/x.py``), when it is
        built from ``__file__`` (``os.path.join(os.path.dirname(__file__), "boot.py")``, ``Path(__file__).parent /
        "boot.py"``, ``Path(__file__).with_name(...)``, an f-string or ``+`` of those, a constant holding one); else
        None (a literal path is relative to the working directory or outside the project: not known)."""
        value = self._path_value(node, shadow, 0)
        if value is None or value[0] != "dir" or not value[1]:
            return None
        parts: list[str] = []
        for part in value[1]:
            if part in ("", "."):
                continue
            if part == ".." and parts and parts[-1] != "..":
                parts.pop()
            else:
                parts.append(part)
        return "/".join(parts) or None

    def _path_value(self, node: ast.AST | None, shadow: frozenset[str], depth: int) -> tuple[str, tuple[str, ...]] | None:
        """``("file", ())`` for ``__file__``, ``("dir", parts)`` for the module's directory joined with ``parts``,
        ``("text", (s,))`` for a string constant; None when not known."""
        if node is None or depth > 12:
            return None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return ("text", (node.value,))
        if isinstance(node, ast.Name):
            if node.id == "__file__" and node.id not in shadow and "__file__" not in self._single:
                return ("file", ())
            value = self._bound_once(node.id) if node.id not in shadow else None
            return self._path_value(value, shadow, depth + 1) if value is not None else None
        if isinstance(node, ast.JoinedStr):
            pieces = [p.value if isinstance(p, ast.FormattedValue) and p.conversion == -1 and p.format_spec is None else p for p in node.values]
            if any(isinstance(p, ast.FormattedValue) for p in pieces):
                return None
            result = self._path_value(pieces[0], shadow, depth + 1) if pieces else None
            for piece in pieces[1:]:
                result = _path_plus(result, self._path_value(piece, shadow, depth + 1))
            return result
        if isinstance(node, ast.BinOp):
            left, right = self._path_value(node.left, shadow, depth + 1), self._path_value(node.right, shadow, depth + 1)
            if isinstance(node.op, ast.Div):
                return _path_join(left, [right])
            if isinstance(node.op, ast.Add):
                return _path_plus(left, right)
            return None
        if isinstance(node, ast.Attribute):
            if node.attr == "parent":
                return _path_parent(self._path_value(node.value, shadow, depth + 1))
            return None
        if not isinstance(node, ast.Call):
            return None
        func = node.func
        called = self._resolved(func, shadow)
        arguments = [self._path_value(a, shadow, depth + 1) for a in node.args]
        if called in _PATH_IDENTITY and len(node.args) == 1 and not node.keywords:
            return arguments[0]
        if called in ("os.path.dirname",) and len(node.args) == 1:
            return _path_parent(arguments[0])
        if called in ("os.path.join", "posixpath.join") and node.args:
            return _path_join(arguments[0], arguments[1:])
        if isinstance(func, ast.Attribute):
            receiver = self._path_value(func.value, shadow, depth + 1)
            if receiver is not None:
                if func.attr in _PATH_METHODS_IDENTITY and not node.args:
                    return receiver
                if func.attr == "joinpath":
                    return _path_join(receiver, arguments)
                if func.attr == "with_name" and len(arguments) == 1:
                    return _path_join(_path_parent(receiver), arguments)
        return None

    def _anchor(self, name: str, anchor: ast.expr | None) -> str | None:
        """``name`` (relative) made absolute against ``import_module``'s ``package`` argument (census spelling)."""
        if anchor is None:
            return None
        if isinstance(anchor, ast.Name) and anchor.id == "__package__":
            return name  # relative to this module's package: the census's own spelling of `from . import x`
        if isinstance(anchor, ast.Name) and anchor.id == "__name__" and self.module:
            package = self.module
        elif isinstance(anchor, ast.Constant) and isinstance(anchor.value, str):
            package = anchor.value
        else:
            return None
        level = len(name) - len(name.lstrip("."))
        parts = package.split(".")
        if level - 1 >= len(parts):
            return None
        base = parts[: len(parts) - (level - 1)]
        rest = name[level:]
        return ".".join([*base, rest] if rest else base)

    def _strings(self, node: ast.expr | None, env: dict[str, frozenset[str] | None], depth: int = 0) -> frozenset[str] | None:
        """Every string ``node`` may evaluate to, or None when not known statically (bounded)."""
        if node is None or depth > 8:
            return None
        if isinstance(node, ast.Constant):
            return frozenset({node.value}) if isinstance(node.value, str) else None
        if isinstance(node, ast.Name):
            if node.id in env:
                value = env[node.id]
                if isinstance(value, _LoopValues):
                    return self._elements(value.iterable, {}, depth + 1)  # type: ignore[arg-type]
                return value
            constant = self._bound_once(node.id)
            return self._strings(constant, {}, depth + 1) if constant is not None else None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return _product(self._strings(node.left, env, depth + 1), self._strings(node.right, env, depth + 1))
        if isinstance(node, ast.JoinedStr):
            result: frozenset[str] | None = frozenset({""})
            for part in node.values:
                if isinstance(part, ast.FormattedValue):
                    if part.conversion != -1 or part.format_spec is not None:
                        return None
                    piece = self._strings(part.value, env, depth + 1)
                else:
                    piece = self._strings(part, env, depth + 1)
                result = _product(result, piece)
            return result
        return None

    def _elements(self, node: ast.expr | None, env: dict[str, frozenset[str] | None], depth: int = 0) -> frozenset[str] | None:
        """The strings iterating ``node`` gives (a literal list/tuple/set of known strings, or a constant holding one)."""
        if node is None or depth > 8:
            return None
        if isinstance(node, ast.Name) and node.id not in env and self._bound_once(node.id) is not None:
            return self._elements(self._bound_once(node.id), env, depth + 1)
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            result: set[str] = set()
            for element in node.elts:
                strings = self._strings(element, env, depth + 1)
                if strings is None:
                    return None
                result |= strings
            return frozenset(result)
        return None


_INERT = (ast.Module, ast.Expression, ast.Expr, ast.Assign, ast.Name, ast.Constant, ast.Tuple, ast.List, ast.Set, ast.Dict, ast.Load, ast.Store, ast.Pass)


def _inert_code(code: ast.expr | None, namespaces: list[ast.expr]) -> bool:
    """Whether ``code`` is a string literal whose code only binds and reads plain values (no call, import, attribute,
    subscript, or operator on a name: nothing that could run other code). A name it reads must come from dict
    displays (``namespaces``: the globals/locals passed), not from a mapping whose ``__getitem__`` may be code."""
    if not (isinstance(code, ast.Constant) and isinstance(code.value, str)):
        return False
    try:
        tree = ast.parse(code.value)
    except (SyntaxError, ValueError):
        return False
    nodes = list(ast.walk(tree))
    reads = any(isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) for node in nodes)
    if reads and not all(isinstance(namespace, ast.Dict) for namespace in namespaces):
        return False
    if any(isinstance(node, _OPERATORS) for node in nodes):
        # `eval("1 + 1")`: operators on literals run built-in code; on a name they may run a namespace object's dunder.
        if any(isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) for node in nodes):
            return False
    return all(isinstance(node, (*_INERT, *_OPERATORS)) or isinstance(node, (ast.operator, ast.unaryop, ast.boolop, ast.cmpop)) for node in nodes)


_OPERATORS = (ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare)
_PathValue = tuple[str, tuple[str, ...]]


def _path_parent(value: _PathValue | None) -> _PathValue | None:
    if value is None or value[0] == "text":
        return None
    if value[0] == "file":
        return ("dir", ())
    parts = value[1]
    return ("dir", parts[:-1]) if parts and parts[-1] not in ("..", ".") else ("dir", (*parts, ".."))


def _path_join(base: _PathValue | None, more: list[_PathValue | None]) -> _PathValue | None:
    if base is None or base[0] != "dir":
        return None
    parts = list(base[1])
    for piece in more:
        if piece is None or piece[0] != "text" or piece[1][0].startswith("/"):
            return None  # an absolute component replaces the base: outside what is known
        parts.extend(p for p in piece[1][0].split("/") if p)
    return ("dir", tuple(parts))


def _path_plus(left: _PathValue | None, right: _PathValue | None) -> _PathValue | None:
    """``dir + "/x.py"`` (string concatenation of a directory and a separator-led tail)."""
    if left is None or right is None or right[0] != "text":
        return None
    if left[0] == "text":
        return ("text", (left[1][0] + right[1][0],))
    tail = right[1][0]
    if left[0] == "dir" and tail.startswith("/"):
        return _path_join(left, [("text", (tail.lstrip("/"),))])
    return None


def _product(left: frozenset[str] | None, right: frozenset[str] | None) -> frozenset[str] | None:
    if left is None or right is None or len(left) * len(right) > _MAX_STRINGS:
        return None
    return frozenset(a + b for a in left for b in right)


def _nodes(root: ast.AST, loops: dict[str, frozenset[str] | None], follow_bodies: bool) -> Iterator[tuple[ast.AST, dict[str, frozenset[str] | None]]]:
    """The nodes of ``root`` that run with it, each with the loop variables bound around it to known string values.

    Without ``follow_bodies`` the bodies of ``def``/``lambda`` are skipped (their decorators, defaults and
    annotations run where the ``def`` is). A ``for`` or comprehension over a literal collection of strings binds its
    (plain name) target to those strings for the code inside; any other loop target is unknown there.
    """
    stack: list[tuple[ast.AST, dict[str, frozenset[str] | None]]] = [(root, loops)]
    while stack:
        node, env = stack.pop()
        yield node, env
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            outside = [*getattr(node, "decorator_list", ()), *_argument_parts(node.args)]
            if not isinstance(node, ast.Lambda) and node.returns is not None:
                outside.append(node.returns)
            stack.extend((child, env) for child in reversed(outside))
            if follow_bodies or node is root:
                # Inside the body, the function's own local names (parameters, assignments) are not the module's.
                inner = dict(env)
                inner[_SHADOW] = (env.get(_SHADOW) or frozenset()) | _locals(node)
                if node is not root:
                    inner[_NESTED] = frozenset()  # a nested def or lambda: its body runs only if something calls it
                body = node.body if isinstance(node.body, list) else [node.body]
                stack.extend((child, inner) for child in reversed(body))
            continue
        if isinstance(node, ast.If) and (truth := _static_truth(node.test)) is not None:
            # `if TYPE_CHECKING:` never runs; `if sys.version_info < (3, 11):` does not here: what is there only may run
            # (an import in it is not required, an unknown import there is assumption 15).
            dead = dict(env)
            dead[_NESTED] = frozenset()
            stack.extend((child, dead if truth else env) for child in reversed(node.orelse))
            stack.extend((child, env if truth else dead) for child in reversed(node.body))
            stack.append((node.test, env))
            continue
        if isinstance(node, (ast.For, ast.AsyncFor)):
            inner = _bind_loop(node.target, node.iter, env)
            stack.extend((child, inner) for child in reversed([*node.body, *node.orelse]))
            stack.extend((child, env) for child in (node.iter, node.target))
            continue
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            inner = dict(env)
            for generator in node.generators:
                stack.append((generator.iter, inner))
                inner = _bind_loop(generator.target, generator.iter, inner)
                stack.extend((condition, inner) for condition in generator.ifs)
            elements = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
            stack.extend((element, inner) for element in elements)
            continue
        stack.extend((child, env) for child in reversed(list(ast.iter_child_nodes(node))))


def _static_truth(test: ast.expr) -> bool | None:
    """The value of an ``if`` test known before the module runs: ``TYPE_CHECKING`` (False), comparisons of
    ``sys.version_info`` with a tuple and of ``sys.platform`` / ``os.name`` with a string (on this interpreter),
    ``not`` of those; None for any other test."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _static_truth(test.operand)
        return None if inner is None else not inner
    dotted = dotted_of(test)
    if dotted is not None and dotted.rpartition(".")[2] == "TYPE_CHECKING":
        return False
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute) and test.func.attr == "startswith":
        if dotted_of(test.func.value) == "sys.platform" and len(test.args) == 1 and isinstance(test.args[0], ast.Constant):
            prefix = test.args[0].value
            return sys.platform.startswith(prefix) if isinstance(prefix, str) else None
        return None
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return None
    left, right = dotted_of(test.left), test.comparators[0]
    actual: object
    if left == "sys.version_info" and isinstance(right, ast.Tuple) and all(isinstance(e, ast.Constant) and isinstance(e.value, int) for e in right.elts):
        actual, wanted = sys.version_info[: len(right.elts)], tuple(e.value for e in right.elts)  # type: ignore[union-attr]
    elif left in ("sys.platform", "os.name") and isinstance(right, ast.Constant) and isinstance(right.value, str):
        actual, wanted = (sys.platform if left == "sys.platform" else os.name), right.value
    else:
        return None
    compare = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Eq: operator.eq, ast.NotEq: operator.ne}
    function = compare.get(type(test.ops[0]))
    return None if function is None else bool(function(actual, wanted))


def _bind_loop(target: ast.AST, iterable: ast.AST, env: dict[str, frozenset[str] | None]) -> dict[str, frozenset[str] | None]:
    inner = dict(env)
    for name in ast.walk(target):
        if isinstance(name, ast.Name):
            inner[name.id] = None
    if isinstance(target, ast.Name):
        inner[target.id] = _LoopValues(iterable)  # type: ignore[assignment]
    return inner


class _LoopValues:
    """A loop variable's values, computed when an import call asks (the iterable may name a module constant)."""

    def __init__(self, iterable: ast.AST) -> None:
        self.iterable = iterable


_REBOUND = ast.Constant(value=None)
"""Marker: a module-level name assigned more than once."""
_NESTED = "\0nested"
_SHADOW = "\0shadow"
"""Key of the loop environment holding the local names of the enclosing followed functions."""


def _locals(function: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> frozenset[str]:
    """Names local to ``function`` that may shadow module names: parameters and names it assigns (not through imports,
    which the reach resolves itself, and not those declared ``global``). Memoised per node (kept alive with it)."""
    cached = _LOCALS.get(id(function))
    if cached is not None and cached[0] is function:
        return cached[1]
    found = _own_locals(function)
    if len(_LOCALS) >= 65536:
        _LOCALS.clear()
    _LOCALS[id(function)] = (function, found)
    return found


_LOCALS: dict[int, tuple[ast.AST, frozenset[str]]] = {}


def _own_locals(function: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> frozenset[str]:
    arguments = function.args
    names = {a.arg for a in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs, arguments.vararg, arguments.kwarg] if a is not None}
    declared: set[str] = set()
    todo: list[ast.AST] = list(function.body) if isinstance(function.body, list) else [function.body]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            declared.update(node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
            todo.extend(getattr(node, "decorator_list", ()))
            continue  # a nested scope's own locals are its own
        elif isinstance(node, ast.Lambda):
            continue
        todo.extend(ast.iter_child_nodes(node))
    return frozenset(names - declared)


def _argument_parts(arguments: ast.arguments) -> list[ast.AST]:
    parts: list[ast.AST] = [d for d in [*arguments.defaults, *arguments.kw_defaults] if d is not None]
    for argument in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs, arguments.vararg, arguments.kwarg]:
        if argument is not None and argument.annotation is not None:
            parts.append(argument.annotation)
    return parts


def shown_line(lines: list[str], number: int) -> str:
    """Line ``number`` (1-based) of ``lines`` as the census shows a site: stripped, at most 60 characters."""
    line = lines[number - 1].strip() if 0 < number <= len(lines) else ""
    return line if len(line) <= 60 else line[:59] + "…"


_REACHING_NAMES = frozenset(
    {"environ", "environb", "putenv", "unsetenv", "modules", "path", "meta_path", "path_hooks", "__dict__",
     "__builtins__", "__setattr__", "__delattr__", "__setitem__", "__delitem__", "__set__", "__delete__", "__code__",
     "__defaults__", "__kwdefaults__", "__globals__", "__closure__", "setdefault", "update", "pop", "popitem", "clear",
     "insert", "append", "extend", "remove", "setattr", "delattr", "exec", "eval", "__import__", "import_module"}
)
"""Attribute and method names that reach the environment, the import system, a namespace or a function's code, or
write a container: ``operator.attrgetter``/``methodcaller`` naming one may be the route to a write (hostile review
12, H1: ``methodcaller("setdefault", VAR, "legacy")(attrgetter("environ")(os))``)."""


_CODE_NODES = (ast.Call, ast.Lambda, ast.NamedExpr, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.Await, ast.Yield, ast.YieldFrom)


def _annotation_code(tree: ast.Module) -> list[tuple[int, str]]:
    """``(line, reason)`` of annotations that hold code which ``typing.get_type_hints`` (called by
    ``functools.singledispatch``'s ``register``, dataclass and validation libraries...) evaluates later: a quoted
    annotation that calls something (``x: "__import__('os').environ.__setitem__(...) or int"``); an unquoted one under
    ``from __future__ import annotations`` is a known gap (docs/check.md). Who evaluates them is
    not known statically, so they count as code the walk cannot read (hostile review 13). Statements only are
    visited (annotations live on ``def`` and annotated assignments), not every node."""
    found: list[tuple[int, str]] = []

    def judge(annotation: ast.expr | None, line: int) -> None:
        # An unquoted annotation is evaluated where it stands (the census and the walk judge it), or is lazy under
        # `from __future__ import annotations`: a lazy one with a call is a known gap (docs/check.md)
        if not (isinstance(annotation, ast.Constant) and isinstance(annotation.value, str)):
            return
        try:
            expression = ast.parse(annotation.value.strip(), mode="eval")
        except SyntaxError:
            return  # not an expression: get_type_hints raises, nothing runs
        if any(isinstance(n, _CODE_NODES) for n in ast.walk(expression)):
            found.append((line, f"annotation '{ast.unparse(annotation)[:50]}' holds code that evaluating the annotations runs"))

    todo: list[ast.stmt] = list(tree.body)
    while todo:
        statement = todo.pop()
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            arguments = statement.args
            for argument in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs, arguments.vararg, arguments.kwarg]:
                if argument is not None:
                    judge(argument.annotation, statement.lineno)
            judge(statement.returns, statement.lineno)
        elif isinstance(statement, ast.AnnAssign):
            judge(statement.annotation, statement.lineno)
        for block in ("body", "orelse", "finalbody"):
            todo.extend(getattr(statement, block, ()))
        for handler in getattr(statement, "handlers", ()):
            todo.extend(handler.body)
        for case in getattr(statement, "cases", ()):
            todo.extend(case.body)
    return sorted(found)


def _plain_getters(call: ast.Call) -> bool:
    """Whether ``operator.attrgetter(...)``/``methodcaller(...)`` names only literal attributes outside
    :data:`_REACHING_NAMES` (a dotted ``"a.b"`` is judged part by part); methodcaller's further arguments are the
    method's, not names."""
    names = call.args[:1] if isinstance(call.func, ast.Attribute) and call.func.attr == "methodcaller" else call.args
    if not names or call.keywords and isinstance(call.func, ast.Attribute) and call.func.attr != "methodcaller":
        return False
    for argument in names:
        if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
            return False
        if any(part in _REACHING_NAMES for part in argument.value.split(".")):
            return False
    return True


def _plain_logging_config(call: ast.Call) -> bool:
    """Whether ``logging.config.dictConfig(...)`` is given a literal dict that names no factory (``"()"``) and only
    classes of the ``logging`` package (``"class": "logging.StreamHandler"``): then it imports and calls nothing of
    the project (its handlers are still a logging configuration, judged where log calls are)."""
    if len(call.args) != 1 or call.keywords:
        return False
    todo: list[ast.expr] = [call.args[0]]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if key is None or not isinstance(key, ast.Constant) or key.value == "()":
                    return False
                if key.value in ("class", "stream", "target") and not (
                    isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value.startswith(("logging.", "ext://sys."))
                ):
                    return False
                todo.append(value)
        elif isinstance(node, (ast.List, ast.Tuple)):
            todo.extend(node.elts)
        elif not isinstance(node, ast.Constant):
            return False
    return True


def _add(index: dict[str, list[str]], name: str, target: str) -> None:
    targets = index.setdefault(name, [])
    if target not in targets:
        targets.append(target)


def _module_bound_names(tree: ast.Module) -> frozenset[str]:
    """Names module-level code binds (assignment, loop, ``with``, import, ``def``, ``class``, walrus, ``del``...) or
    a function declares ``global`` - outside nested scopes: the names the module's namespace may hold."""
    names: set[str] = set()
    todo: list[ast.AST] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
            names.update(_globals_declared_in(node.body))
            continue
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name.split(".")[0]) for a in node.names if a.name != "*")
        elif isinstance(node, ast.Lambda):
            continue
        todo.extend(ast.iter_child_nodes(node))
    return frozenset(names)


def _surely_held(tree: ast.Module) -> frozenset[str]:
    """Names the module's namespace holds whenever a module ``__getattr__`` can be asked for them (PEP 562 asks it
    only for names missing from the namespace): bound by an unconditional top-level statement (assignment, import,
    ``def``, ``class``) that comes before every binding of ``__getattr__``, and deleted nowhere (``del X`` at module
    level or in a function: a ``del`` of a local of the same name is counted too, conservatively). A name bound under
    an ``if``/``try``, or only after ``def __getattr__`` (an import cycle may read it in between), is not held."""
    first_getattr = min(
        (getattr(node, "lineno", 0) for node in ast.walk(tree)
         if (isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == "__getattr__")
         or (isinstance(node, ast.Name) and node.id == "__getattr__" and not isinstance(node.ctx, ast.Load))
         or (isinstance(node, ast.alias) and (node.asname or node.name) == "__getattr__")),
        default=None,
    )
    deleted = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Del)}
    for node in ast.walk(tree):
        # `globals().pop("X")`, `del globals()["X"]`, `vars()`, `delattr(sys.modules[__name__], "X")`,
        # `sys.modules[__name__].__dict__`: the namespace is changed without naming X (hostile review 11)
        if (isinstance(node, ast.Name) and node.id in ("globals", "vars", "delattr", "setattr", "locals", "exec", "eval")) or (
            isinstance(node, ast.Attribute) and node.attr in ("modules", "__dict__", "__delattr__")
        ):
            return frozenset()
    held: set[str] = set()
    for statement in tree.body:
        if first_getattr is not None and statement.lineno >= first_getattr:
            break
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            held.add(statement.name)
        elif isinstance(statement, (ast.Import, ast.ImportFrom)):
            held.update((a.asname or a.name.split(".")[0]) for a in statement.names if a.name != "*")
        elif isinstance(statement, ast.Assign):
            # only names the targets bind (`X = ...`, `X, Y = ...`), not names read inside `M[TimeoutError] = ...`
            held.update(n.id for target in statement.targets for n in ast.walk(target) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store))
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None and isinstance(statement.target, ast.Name):
            held.add(statement.target.id)
    return frozenset(held - deleted)


_INERT_ATTRIBUTES = frozenset({"__name__", "__qualname__", "__module__", "__doc__"})
"""String attributes of a function or class a registration reads without calling it (``REGISTRY[f.__name__] = f``)."""


_STORING_METHODS = frozenset({"add", "append", "insert", "setdefault", "extend", "update"})
"""Methods of a built-in list/set/dict that store what they are given without calling it."""


def _module_containers(tree: ast.Module) -> frozenset[str]:
    """Module-level names bound exactly once, unconditionally, to a new built-in container (``[]``, ``{}``, ``set()``,
    ``dict()``, ``list()``; annotated or not), never declared ``global`` in a function, while the builtin called is not
    rebound in the module: ``REGISTRY.append(f)`` on one stores ``f`` without calling it."""
    stores: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            stores[node.id] = stores.get(node.id, 0) + 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            stores[node.name] = stores.get(node.name, 0) + 1
        elif isinstance(node, ast.alias):
            bound = node.asname or node.name.split(".")[0]
            stores[bound] = stores.get(bound, 0) + 1
    declared = set(_globals_declared_in(tree.body))
    # `from .compat import *` may bind `set` to a class whose `add` calls what it stores (hostile review 11)
    stars = any(isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names) for node in ast.walk(tree))
    found: set[str] = set()
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        else:
            continue
        if not isinstance(target, ast.Name) or stores.get(target.id) != 1 or target.id in declared:
            continue
        new = isinstance(value, (ast.List, ast.Set, ast.Dict)) and not any(
            isinstance(n, (ast.Call, ast.Lambda, ast.NamedExpr)) for n in ast.walk(value)
        )
        made = (
            isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in ("list", "set", "dict")
            and not value.args and not value.keywords and value.func.id not in stores and not stars
        )
        if new or made:
            found.add(target.id)
    return frozenset(found)


def _may_call_received(function: ast.FunctionDef | ast.AsyncFunctionDef, *, factory: bool, containers: frozenset[str] = frozenset()) -> bool:
    """Whether ``function`` applied as a decorator (``factory``: called first, its result applied) may call the
    function it receives. A factory's result is judged when it returns nested ``def``s by name; any other result
    (a lambda, ``functools.partial(...)``, an alias, a call) may be anything that calls it. ``containers``: see
    :func:`_uses_parameter`."""
    if not factory:
        return _uses_parameter(function, containers)
    returned = _returned_defs(function)
    return returned is None or any(_uses_parameter(nested, containers) for nested in returned)


def _returned_defs(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.FunctionDef | ast.AsyncFunctionDef] | None:
    """The nested ``def``s a decorator factory returns by name (what is applied to the decorated function); None when
    some ``return`` gives anything else (a lambda, ``functools.partial(...)``, an alias, a call). ``return`` and
    ``return None`` give nothing applied."""
    nested = {s.name: s for s in block_statements(function.body) if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
    found: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
    for statement in block_statements(function.body):
        if not isinstance(statement, ast.Return) or statement.value is None or (isinstance(statement.value, ast.Constant) and statement.value.value is None):
            continue
        value = statement.value
        if not (isinstance(value, ast.Name) and value.id in nested):
            return None
        found.append(nested[value.id])
    return found


def _keeps_received(function: ast.FunctionDef | ast.AsyncFunctionDef, *, factory: bool) -> bool:
    """Whether ``function`` applied as a decorator (``factory``: the functions it returns are applied) may keep the
    function it receives itself, where later code can call it: any use of the parameter but ``return f``, an identity
    test or an attribute read (``internal_code.add(f.__code__)`` keeps a code object, ``f.__name__`` a string)."""
    applied = _returned_defs(function) if factory else [function]
    if applied is None:
        return True  # the factory's result is not known: it may keep what it receives
    for decorator in applied:
        parameters = [*decorator.args.posonlyargs, *decorator.args.args]
        if not parameters:
            return True
        name = parameters[0].arg
        parents = {id(child): node for node in ast.walk(decorator) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(decorator):
            if not (isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load)):
                continue
            parent = parents.get(id(node))
            if isinstance(parent, ast.Return) or (isinstance(parent, ast.Attribute) and parent.value is node):
                continue
            if isinstance(parent, ast.Compare) and all(isinstance(op, (ast.Is, ast.IsNot)) for op in parent.ops):
                continue
            return True
    return False


def _uses_parameter(function: ast.FunctionDef | ast.AsyncFunctionDef, containers: frozenset[str] = frozenset()) -> bool:
    """Whether ``function`` may call its first parameter: every use of it must be one that surely does not — returned
    (``return f``), compared by identity (``f is None``), an inert attribute read (``f.__name__``), or it (or its
    ``__code__``) stored into one of the module's built-in ``containers`` (``HOOKS.append(f)``, ``REGISTRY[k] = f``,
    jinja2's ``internal_code.add(f.__code__)``) that the function uses for nothing else and does not shadow. Any other
    use may call it (hostile review 11): called, passed to any other call, aliased, captured by a lambda or a nested
    ``def``, rebound, stored on an attribute or into a subscript of another object (a project ``__setattr__`` or
    ``__setitem__`` may call it), compared with ``==`` (a project ``__eq__`` may)."""
    parameters = [*function.args.posonlyargs, *function.args.args]
    if not parameters:
        return True  # `*args`: unknown
    name = parameters[0].arg
    parents: dict[int, ast.AST] = {}
    for node in ast.walk(function):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    local = {a.arg for a in ast.walk(function.args) if isinstance(a, ast.arg)}
    local.update(n.id for n in ast.walk(function) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load))
    local.update(_globals_declared_in(function.body))

    def storing(use: ast.Name) -> bool:
        """``use`` (a container's name) is the receiver of a storing method call or the object of a subscript store."""
        parent = parents.get(id(use))
        if isinstance(parent, ast.Attribute) and parent.value is use and parent.attr in _STORING_METHODS:
            call = parents.get(id(parent))
            return isinstance(call, ast.Call) and call.func is parent
        return isinstance(parent, ast.Subscript) and parent.value is use and isinstance(parent.ctx, ast.Store)

    usable = {
        c for c in containers
        if c not in local and all(storing(n) for n in ast.walk(function) if isinstance(n, ast.Name) and n.id == c)
    }
    for node in ast.walk(function):
        if not (isinstance(node, ast.Name) and node.id == name) or node is parameters[0]:
            continue
        if not isinstance(node.ctx, ast.Load):
            return True  # rebound (or deleted): later uses are not the parameter any more
        parent = parents.get(id(node))
        scope = parent
        while scope is not None and scope is not function:
            if isinstance(scope, (ast.Lambda, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.comprehension, ast.GeneratorExp, ast.ListComp, ast.SetComp, ast.DictComp)):
                return True  # captured by a nested scope, which may call it
            scope = parents.get(id(scope))
        if isinstance(parent, ast.Return):
            continue
        if (
            isinstance(parent, ast.Assign) and parent.value is node
            and all(isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and t.value.id in usable for t in parent.targets)
        ):
            continue  # `REGISTRY[key] = f` into a built-in dict of the module
        if isinstance(parent, ast.Compare) and all(isinstance(op, (ast.Is, ast.IsNot)) for op in parent.ops):
            continue
        if isinstance(parent, ast.Attribute) and parent.value is node and parent.attr in _INERT_ATTRIBUTES:
            continue  # a string, wherever it goes
        argument = parent if isinstance(parent, ast.Attribute) and parent.value is node and parent.attr == "__code__" else node
        call = parents.get(id(argument))
        if (
            isinstance(call, ast.Call) and argument in call.args and isinstance(call.func, ast.Attribute)
            and call.func.attr in _STORING_METHODS and isinstance(call.func.value, ast.Name) and call.func.value.id in usable
        ):
            continue  # stored into a built-in container of the module: not called
        return True
    return False


def _globals_declared_in(statements: list[ast.stmt]) -> Iterator[str]:
    """The names of every ``global`` statement in ``statements`` and the statements nested in them at any depth
    (also in nested defs and classes). Only statements can hold a ``global`` (an expression, a lambda's body
    included, holds no statement), so this visits statements only, not every node as ``ast.walk`` would."""
    todo = list(statements)
    while todo:
        statement = todo.pop()
        if isinstance(statement, ast.Global):
            yield from statement.names
            continue
        for block in ("body", "orelse", "finalbody"):
            inner = getattr(statement, block, None)
            if isinstance(inner, list):
                todo.extend(s for s in inner if isinstance(s, ast.stmt))
        for handler in getattr(statement, "handlers", ()) or ():
            todo.extend(handler.body)
        for case in getattr(statement, "cases", ()) or ():
            todo.extend(case.body)


def _returned_functions(factory: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The nested functions a decorator factory returns by name (``def register(cls): ...`` / ``return register``)."""
    if not isinstance(factory, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return []
    nested = {s.name: s for s in block_statements(factory.body) if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
    returned: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
    for statement in block_statements(factory.body):
        if isinstance(statement, ast.Return) and isinstance(statement.value, ast.Name) and statement.value.id in nested:
            returned.append(nested[statement.value.id])
    return returned


def block_statements(statements: list[ast.stmt]) -> Iterator[ast.stmt]:
    """``statements`` and those in their ``if``/``try``/``with``/loop/``match`` blocks (not in nested defs or classes):
    what runs in the scope of ``statements`` (an alias bound once inside ``if sys.version_info >= (3, 12):`` is the
    same alias)."""
    for statement in statements:
        yield statement
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for block in ("body", "orelse", "finalbody"):
            inner = getattr(statement, block, None)
            if isinstance(inner, list):
                yield from block_statements([s for s in inner if isinstance(s, ast.stmt)])
        for handler in getattr(statement, "handlers", ()) or ():
            yield from block_statements(handler.body)
        for case in getattr(statement, "cases", ()) or ():
            yield from block_statements(case.body)


def _named(defined: str, wanted: str) -> bool:
    """Whether a method ``defined`` is what looking up ``wanted`` finds (:data:`ALL_DUNDERS`: any special method)."""
    if wanted == ALL_DUNDERS:
        return len(defined) > 4 and defined.startswith("__") and defined.endswith("__")
    if wanted == ALL_METHODS:
        return True
    return defined == wanted


def dotted_of(node: ast.AST) -> str | None:
    """``a.b.c`` for a name or attribute chain, None for anything else (a call, a subscript)."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return ".".join([node.id, *reversed(parts)])
