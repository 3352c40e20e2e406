"""What importing a module runs (the import walk's reach) and the verdict cache's third-party layout probe.

Hostile review 5: R5-3 (decorators, indirect calls, class hooks at import
time), R5-16 (dynamic imports), R5-15 (a compiled extension beside a walked
module), R5-20 (the third-party layout a cached verdict read). The verdicts
are data cases (``tests/data/check/walk_import_time_reach``); here they are
checked against what a real import and call do, and the pieces are tested
directly.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from thor_guard.verifier.bindings import census, import_edges
from thor_guard.verifier.reach import MAX_BODIES, import_time_reach

DATA = Path(__file__).resolve().parents[1] / "data" / "check" / "walk_import_time_reach"

_RUN = """
import importlib, sys, threading
sys.path.insert(0, ".")
started = []
threading.Thread.start = lambda self, *a, **k: started.append(1)
module = importlib.import_module(sys.argv[1])
module.start()
print("BODY" if started else "SKIPPED")
"""


def _expected_ok(path: Path) -> bool:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# expect: start")]
    assert len(lines) == 1, path
    return lines[0].split()[3] == "ok"


def _entry_modules() -> list[object]:
    found = []
    for path in sorted(DATA.rglob("*.py")):
        if "# expect: start" not in path.read_text(encoding="utf-8") or path.parent.name == "ext":
            continue  # ext/: the stand-in extension file is empty (not loadable); its verdict is the data case's
        found.append(pytest.param(path, id=path.relative_to(DATA).with_suffix("").as_posix()))
    return found


@pytest.mark.parametrize("path", _entry_modules())
def test_verdicts_agree_with_a_real_run(tmp_path: Path, path: Path) -> None:
    """Differential: importing the module and calling ``start`` with the mode variable unset (heartbeat world) starts
    the thread exactly in the cases the data expects to be rejected; the accepted ones really skip."""
    root = tmp_path / "project"
    shutil.copytree(DATA, root)
    module = ".".join(path.relative_to(DATA).with_suffix("").parts)
    env = {k: v for k, v in os.environ.items() if k != "THOR_SCHEDULER_MODE" and k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", _RUN, module], cwd=root, env=env, capture_output=True, text=True, timeout=60, check=True
    )
    ran = result.stdout.strip().endswith("BODY")
    if _expected_ok(path):
        assert not ran, f"{module} is expected ok but its body runs in the heartbeat world"
    # Rejected cases are unsound if accepted only when the body runs; those that do not run are still unproven
    # (an unknown import), so nothing to compare for them.
    elif "not known statically" not in path.read_text(encoding="utf-8"):
        assert ran, f"{module}: the case meant to show an import-time write does not write (fix the case)"


def _reach(source: str, module: str = "pkg.mod", roots: frozenset[str] = frozenset()):
    return import_time_reach(ast.parse(textwrap.dedent(source)), module, roots)


def test_dynamic_import_names_are_computed_from_literals_constants_and_loops() -> None:
    reach = _reach(
        """
        import importlib
        from importlib import import_module as load
        BASE = "plugins"
        NAMES = ("a", "b")
        importlib.import_module("x.y")
        load(BASE + ".c")
        for name in NAMES:
            importlib.import_module(f"{BASE}.{name}")
        [__import__(n, fromlist=["sub"]) for n in ["d"]]
        importlib.import_module(".rel", __package__)
        importlib.import_module(".rel2", __name__)
        importlib.import_module("..up", "top.middle.low")
        """
    )
    assert set(reach.imports) >= {"x.y", "plugins.c", "plugins.a", "plugins.b", "d", "d.sub", ".rel", "pkg.mod.rel2", "top.middle.up"}
    assert reach.unknown == []


@pytest.mark.parametrize(
    "call",
    [
        "importlib.import_module(os.environ['P'])",
        "importlib.import_module(name)",  # a loop variable over something not literal
        "importlib.import_module('.x', package)",
        "__import__('x', level=depth)",
        "importlib.import_module('%s' % 'x')",
    ],
)
def test_an_import_time_import_of_an_unknown_name_is_reported(call: str) -> None:
    reach = _reach(f"import importlib\nimport os\nfor name in sorted(os.environ):\n    {call}\n")
    assert [line for line, _ in reach.unknown] == [4]


def test_dynamic_imports_outside_import_time_code_are_not_import_time() -> None:
    reach = _reach(
        """
        import importlib
        def later(name):
            importlib.import_module(name)
        class C:
            def method(self):
                importlib.import_module(self.name)
        """
    )
    assert reach.unknown == [] and reach.imports == [] and reach.bodies == []


def test_what_import_time_code_refers_to_is_followed_and_nothing_else() -> None:
    tree = ast.parse(
        textwrap.dedent(
            """
            from .other import hook, Base
            import lib
            def deco(f): return f
            def factory():
                def inner(f): return f
                return inner
            def by_loop(): pass
            def by_default(): pass
            def never(): pass
            class Meta(type):
                def __new__(mcs, *a): return super().__new__(mcs, *a)
                def unrelated(cls): pass
            class K(Base, metaclass=Meta):
                def __init_subclass__(cls): cls.helper()
                @classmethod
                def helper(cls): pass
                def other(self): pass
            @deco
            @factory()
            @hook
            def f(x=by_default()): pass
            for g in (by_loop,):
                g()
            lib.setup()
            """
        )
    )
    reach = import_time_reach(tree, "pkg.mod")
    followed = {getattr(node, "name", "lambda") for node in reach.bodies}
    # K's own __init_subclass__ runs for K's subclasses (there are none); Base's (another module) is a run edge.
    # `inner`, which the applied factory returns, is applied at once: followed as a body of its own (surely run).
    # `f` itself is not: the module's own decorators only return it (a decorator that calls or hands on the function
    # it receives makes it run, review 9, R9-13).
    assert followed == {"deco", "factory", "inner", "by_loop", "by_default", "__new__"}
    assert {".other.hook", ".other.Base", "lib.setup"} <= set(reach.runs)


def test_roots_follow_a_name_run_from_another_module() -> None:
    source = "import os\ndef setup():\n    os.environ['THOR_SCHEDULER_MODE'] = 'legacy'\nclass B:\n    def __init_subclass__(cls):\n        os.putenv('X', '1')\n"
    assert census(source, "boot").patches == []
    assert [t for t, _, _ in import_edges(source, "boot", frozenset({"setup"})).patches] == ["os.environ[THOR_SCHEDULER_MODE]"]
    assert [t for t, _, _ in import_edges(source, "boot", frozenset({"B.__init_subclass__"})).patches] == ["os.environ[X]"]


def test_the_reach_is_bounded_and_a_cut_counts_as_unknown() -> None:
    chain = "\n".join(f"def f{i}():\n    f{i + 1}()" for i in range(MAX_BODIES + 5)) + f"\ndef f{MAX_BODIES + 5}(): pass\nf0()\n"
    reach = _reach(chain)
    assert len(reach.bodies) == MAX_BODIES
    assert reach.unknown and "more than" in reach.unknown[0][1]


# -- the verdict cache and the third-party layout (R5-20) -----------------------------------------------------------

_ENTRY = """\
import os
import threading

from libx import conf


def _run():
    pass


def start():
    if not conf:
        return
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
"""
_OBJECT = 'class _Conf:\n    def __bool__(self):\n        return True\n\n\nconf = _Conf()\n'
_CHECK = "import site, sys\nsite.addsitedir(sys.argv[1])\nfrom thor_guard.cli import main\nsys.argv = ['thor-guard', 'check', *sys.argv[2:], '.']\nmain()\n"


def _check(project: Path, site_dir: Path, *options: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", _CHECK, str(site_dir), *options],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        check=False,  # the output is compared, exit codes included in it through the text
    )
    return result.stdout + result.stderr


def test_a_dependency_changing_a_submodule_into_an_object_invalidates_the_cached_verdict(tmp_path: Path) -> None:
    """A throwaway library installed through a ``.pth`` file: between runs its layout changes the way ``pip install
    -U`` can (a submodule becomes an object with ``__bool__``, then a module again, then the package disappears); the
    cached output always equals the uncached one."""
    project, library, site_dir = tmp_path / "project", tmp_path / "lib", tmp_path / "site"
    for directory in (project, library / "libx", site_dir):
        directory.mkdir(parents=True)
    (site_dir / "libx.pth").write_text(f"{library}\n", encoding="utf-8")
    (project / "m.py").write_text(_ENTRY, encoding="utf-8")
    (project / "pyproject.toml").write_text('[tool.thor-guard]\npreset = "none"\nentry-points = ["m:start"]\n', encoding="utf-8")
    package = library / "libx"
    layouts = [
        {"__init__.py": "", "conf.py": "TIMEOUT = 5\n"},  # conf is a module: inert
        {"__init__.py": _OBJECT},  # the upgrade: conf is an object whose __bool__ runs code
        {"__init__.py": "", "conf.py": "TIMEOUT = 6\n"},  # back to a module
        {},  # uninstalled: an unknown top-level package counts as a module with objects below it
    ]
    answers = set()
    for layout in layouts:
        shutil.rmtree(package, ignore_errors=True)
        if layout:
            package.mkdir()
            for name, text in layout.items():
                (package / name).write_text(text, encoding="utf-8")
        cached = _check(project, site_dir)
        assert cached == _check(project, site_dir, "--no-cache"), layout
        answers.add(cached)
    assert len(answers) == 2  # the layout really changed the verdict (TG002 for the object, none for a module)


def test_unknown_names_count_where_the_code_surely_runs_only() -> None:
    """An unknown import name is reported in module-level code and in functions called by name or applied as
    decorators from there; in code only possibly run (class hooks, methods reached through ``self``, nested
    functions, functions passed as values) it is a stated assumption (docs/check.md, 15) - Django's
    ``Apps.__init__`` -> ``self.populate`` -> ``import_module(entry)`` would otherwise taint every walk."""
    reach = _reach(
        """
        import importlib
        def called(name):
            importlib.import_module(name)
        def passed(name):
            importlib.import_module(name)
        def factory():
            def inner():
                importlib.import_module(NAME)
            return inner
        class Registry:
            def __init__(self, apps=None):
                if apps is not None:
                    self.populate(apps)
            def populate(self, apps):
                importlib.import_module(apps)
        registry = Registry()
        called(VALUE)
        LAZY = map(passed, ())
        factory()
        """
    )
    assert [line for line, _ in reach.unknown] == [4]
