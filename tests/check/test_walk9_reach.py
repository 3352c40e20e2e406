"""What import-time code runs, followed through every binding and by name (hostile review 8: R8-4, R8-5, R8-7,
R8-8, R8-10, R8-12, A8-1, A8-3; review 9: R9-8).

The verdicts are the data cases ``tests/data/check/walk9_reach`` (checked by
``test_v2_data``). Here each one is also executed in a subprocess: a rejected
case really misbehaves in a world (with the mode variable unset, the heartbeat
world, the thread starts: the import-time write, the fetched function, the
lazy module or the replaced stream does run; or, for a changed constant list,
the starter skips in the legacy world the heartbeat refuses), and an accepted
one really does not. The reach's pieces (every binding of a name, marked run
edges, names fetched by string) are tested directly on small trees.
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

from thor_guard.verifier.reach import UNREAD_TARGET, import_time_reach
from thor_guard.verifier.run_marks import FACTORY, READ, SURE, split_mark

DATA = Path(__file__).resolve().parents[1] / "data" / "check" / "walk9_reach"

_RUN = """
import importlib, sys, threading
sys.path.insert(0, ".")
started = []
threading.Thread.start = lambda self, *a, **k: started.append(1)
module = importlib.import_module(sys.argv[1])
module.start()
print("BODY" if started else "SKIPPED")
"""

RUNS: dict[str, tuple[str | None, str]] = {
    # Rejected: with the mode unset (the heartbeat world) the thread starts.
    "cond_defs": (None, "BODY"), "fallback_def": (None, "BODY"), "local_import": (None, "BODY"),
    "two_imports": (None, "BODY"), "cond_instance": (None, "BODY"), "annotated_instance": (None, "BODY"),
    "star": (None, "BODY"), "star_package": (None, "BODY"), "star_base": (None, "BODY"), "import_string": (None, "BODY"),
    "import_module_attr": (None, "BODY"), "import_module_var": (None, "BODY"), "import_module_local": (None, "BODY"), "resolve_colon": (None, "BODY"),
    "resolve_dotted": (None, "BODY"), "getattr_module": (None, "BODY"), "globals_name": (None, "BODY"),
    "plugins_called": (None, "BODY"), "factory": (None, "BODY"), "factory_other": (None, "BODY"),
    "lazy_getattr": (None, "BODY"), "class_helper": (None, "BODY"), "stderr_tee": (None, "BODY"),
    "env_spelling1": (None, "BODY"), "env_spelling2": (None, "BODY"), "env_spelling3": (None, "BODY"),
    "module_getattr": (None, "BODY"),
    # R9-8: a package's PEP 562 __getattr__ asked for a name by `import *` (its __all__), hasattr(), getattr() or a load.
    "pep562_star": (None, "BODY"), "pep562_star_helper": (None, "BODY"), "pep562_hasattr_import": (None, "BODY"),
    "pep562_getattr_import": (None, "BODY"), "pep562_attribute_import": (None, "BODY"), "pep562_hasattr_call": (None, "BODY"),
    "globals_unknown": (None, "BODY"),  # with SETUP_STEP naming the writer (EXTRA_ENV): the name is not known statically
    # Rejected: the constant list gained "legacy", so the starter skips in the legacy world (the heartbeat refuses it).
    "extend_modes": ("legacy", "SKIPPED"), "extend_modes_from": ("legacy", "SKIPPED"),
    # Accepted: the heartbeat world really skips (and the legacy world really runs the body).
    "cond_defs_pure": (None, "SKIPPED"), "star_pure": (None, "SKIPPED"), "plugins_named": (None, "SKIPPED"),
    "lazy_bound": (None, "SKIPPED"), "modes_untouched": ("legacy", "BODY"),
}
"""Module -> (THOR_SCHEDULER_MODE for the run, None: unset; what the run shows)."""
EXTRA_ENV = {"globals_unknown": {"SETUP_STEP": "_apply_defaults"}}
"""Other variables a run sets: what a deployment may set, which the verifier cannot know."""


def _expected(module: str) -> str:
    path = DATA / f"{module}.py"
    line = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# expect: start"))
    return line.split()[3]


def _run(root: Path, module: str, mode: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("THOR_SCHEDULER_MODE", "PYTHONPATH", "FEED_PLUGINS", "FEED_BACKEND", "SETUP_STEP")}
    if mode is not None:
        env["THOR_SCHEDULER_MODE"] = mode
    env.update(EXTRA_ENV.get(module, {}))
    result = subprocess.run(
        [sys.executable, "-c", _RUN, module], cwd=root, env=env, capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout.strip().splitlines()[-1]


def test_every_entry_module_is_in_the_table() -> None:
    entries = {p.stem for p in DATA.glob("*.py") if "# expect: start" in p.read_text(encoding="utf-8")}
    assert entries == set(RUNS)


@pytest.mark.parametrize("module", sorted(RUNS))
def test_verdicts_agree_with_a_real_run(tmp_path: Path, module: str) -> None:
    root = tmp_path / "project"
    shutil.copytree(DATA, root)
    mode, shown = RUNS[module]
    rejected = _expected(module) != "ok"
    misbehaves = shown == "BODY" if mode is None else shown == "SKIPPED"
    assert rejected == misbehaves, f"{module}: the verdict and the table disagree"
    assert _run(root, module, mode) == shown


def _reach(source: str, module: str = "conf", roots: frozenset[str] = frozenset()) -> tuple[list[str], list[int]]:
    tree = ast.parse(textwrap.dedent(source))
    reach = import_time_reach(tree, module, roots, module_level=not roots)
    return reach.runs, sorted(getattr(b, "lineno", 0) for b in reach.bodies)


def test_every_binding_of_a_name_is_followed() -> None:
    runs, bodies = _reach(
        """
        import sys
        try:
            from fast import f
        except ImportError:
            from slow import f
        if sys.version_info >= (3, 8):
            def g(): pass
        else:
            def g(): pass
        f()
        g()
        """
    )
    assert {split_mark(r)[1] for r in runs} >= {"fast.f", "slow.f"}
    assert bodies == [8, 10]


def test_a_call_by_name_is_a_sure_edge_and_a_mention_is_not() -> None:
    runs, _ = _reach(
        """
        from plugins import load, named, deco, factory
        load()
        HOOK = named

        @deco
        def a(): pass

        @factory("x")
        def b(): pass
        """
    )
    assert SURE + "plugins.load" in runs
    assert "plugins.named" in runs and SURE + "plugins.named" not in runs
    assert SURE + "plugins.deco" in runs
    assert FACTORY + "plugins.factory" in runs


def test_a_sure_root_makes_its_unknown_import_unknown_and_a_plain_one_does_not() -> None:
    source = """
    import importlib, os

    def load():
        importlib.import_module(os.environ["X"])
    """
    tree = ast.parse(textwrap.dedent(source))
    assert import_time_reach(tree, "plugins", frozenset({SURE + "load"}), module_level=False).unknown
    assert not import_time_reach(tree, "plugins", frozenset({"load"}), module_level=False).unknown


def test_a_factory_root_runs_the_function_it_returns() -> None:
    source = """
    import importlib, os

    def backend(default):
        def register(cls):
            importlib.import_module(os.environ.get("B", default))
            return cls
        return register
    """
    tree = ast.parse(textwrap.dedent(source))
    assert import_time_reach(tree, "deco", frozenset({FACTORY + "backend"}), module_level=False).unknown
    assert not import_time_reach(tree, "deco", frozenset({SURE + "backend"}), module_level=False).unknown


def test_from_import_reads_the_names_and_getattr_serves_only_unbound_ones() -> None:
    runs, _ = _reach("from pkg import a, b\n")
    assert READ + "pkg.a,b" in runs
    package = ast.parse(
        textwrap.dedent(
            """
            import importlib
            BOUND = 1
            def __getattr__(name):
                return importlib.import_module(name)
            """
        )
    )
    assert import_time_reach(package, "pkg", frozenset({READ + "missing"}), module_level=False).unknown
    assert not import_time_reach(package, "pkg", frozenset({READ + "BOUND"}), module_level=False).unknown


def _package_reach(all_lines: str, root: str) -> object:
    package = ast.parse(
        textwrap.dedent(
            """
            import importlib
            BOUND = 1
            def __getattr__(name):
                return importlib.import_module(name)
            """
        )
        + textwrap.dedent(all_lines)
    )
    return import_time_reach(package, "pkg", frozenset({READ + root}), module_level=False)


def test_star_import_reads_the_package_all_and_getattr_serves_its_unbound_names() -> None:
    runs, _ = _reach("from pkg import *\nfrom . import *\n", module="app.m")
    assert READ + "pkg.*" in runs and READ + ".*" in runs
    # no __all__: only the namespace's names are copied, __getattr__ is not asked
    assert not _package_reach("", "*").unknown  # type: ignore[attr-defined]
    assert not _package_reach("__all__ = ['BOUND']\n__all__ += ('BOUND',)\n", "*").unknown  # type: ignore[attr-defined]
    unbound = _package_reach("__all__ = ['BOUND', 'lazy']\n", "*")
    assert unbound.unknown and "pkg.lazy" in unbound.imports  # type: ignore[attr-defined]  # importlib tries the submodule
    for computed in ("__all__ = list(NAMES)\n", "__all__ = ['BOUND']\n__all__.append(x)\n", "for __all__ in [()]: pass\n", "globals()['__all__'] = ['BOUND']\n"):
        assert _package_reach(computed, "*").unknown, computed  # type: ignore[attr-defined]


def test_hasattr_getattr_and_loads_of_a_module_are_reads_where_code_surely_runs() -> None:
    runs, _ = _reach("import pkg\nA = hasattr(pkg, 'a')\nB = getattr(pkg, 'b', None)\nC = pkg.c\ndef f():\n    return pkg.d\n")
    assert {READ + "pkg.a", READ + "pkg.b", READ + "pkg.c"} <= set(runs)
    assert READ + "pkg.d" not in runs  # f is not run at import time


def test_names_fetched_by_string() -> None:
    runs, _ = _reach(
        """
        import importlib, pkgutil
        from django.utils.module_loading import import_string
        import_string("a.f")()
        pkgutil.resolve_name("b:g")()
        importlib.import_module("c").h()
        getattr(importlib.import_module("d"), "k")()
        """
    )
    marked = set(runs)
    assert {SURE + "a.f", SURE + "b.g", SURE + "c.h"} <= marked
    assert "d.k" in {split_mark(r)[1] for r in runs}


def test_the_namespace_looked_up_by_an_unknown_name_is_unread_code() -> None:
    tree = ast.parse("import os\ndef f(): pass\nglobals()[os.environ['X']]()\n")
    reach = import_time_reach(tree, "conf")
    assert [target for target, _, _ in reach.sites()] == [UNREAD_TARGET]


def test_a_class_body_helper_is_followed() -> None:
    _, bodies = _reach(
        """
        class Settings:
            def _env(name):
                return name
            X = _env("A")
        """
    )
    assert bodies == [3]


def test_an_imported_decorator_is_asked_whether_it_calls_what_it_decorates() -> None:
    """R9-13 remainder: the importing module asks the decorator's module (a DECORATES edge), which answers with a
    plain edge back to the decorated function when the decorator may call it; a re-export asks on."""
    from thor_guard.verifier.run_marks import DECORATES

    runs, _ = _reach("from deco import run_now, make\nimport deco\n@run_now\ndef a(): pass\n@make('x')\ndef b(): pass\n@deco.run_now\ndef c(): pass\n", module="app")
    assert {DECORATES + "deco.run_now|app.a", DECORATES + "deco.make()|app.b", DECORATES + "deco.run_now|app.c"} <= set(runs)
    decorators = ast.parse("from other import again\nR = {}\ndef run_now(f):\n    f()\n    return f\ndef register(f):\n    R[f.__name__] = f\n    return f\ndef make(label):\n    def apply(f):\n        return f\n    return apply\n")

    def answer(root: str) -> list[str]:
        return import_time_reach(decorators, "deco", frozenset({DECORATES + root}), module_level=False).runs

    assert "app.a" in answer("run_now|app.a")
    assert "app.a" not in answer("register|app.a") and "app.b" not in answer("make()|app.b")
    assert DECORATES + "other.again|app.a" in answer("again|app.a")
    assert "app.a" in answer("unknown_name|app.a")  # not bound here: not known, so it may call it
