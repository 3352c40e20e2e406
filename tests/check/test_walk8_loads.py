"""Code Python runs implicitly at import time (hostile review 7: R7-2, R7-3, R7-4, R7-5, R7-7, R7-8, R7-9).

The verdicts are the data cases ``tests/data/check/walk8_loads`` (checked by
``test_v2_data``); here each one whose mechanism a real run can show is
executed in a subprocess: with the mode variable unset (the heartbeat world)
a rejected case really starts the thread (the import-time write, hook or lazy
module does run), an accepted one really does not. The pieces (paths built
from ``__file__``, the static ``if`` tests, the settling of required modules)
are tested directly, and the entry module under two source roots (R7-4) with
a real project and a real run from its root.
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

from tests.check.project import project_config, write_files
from thor_guard.check import run_check
from thor_guard.verifier.loads import MISSING_FILE_TARGET, UNRESOLVED_TARGET, in_project, settle
from thor_guard.verifier.reach import FILE_TARGET_PREFIX, REQUIRES_TARGET_PREFIX, UNREAD_TARGET, import_time_reach

DATA = Path(__file__).resolve().parents[1] / "data" / "check" / "walk8_loads"

_RUN = """
import importlib, sys, threading
sys.path.insert(0, ".")
started = []
threading.Thread.start = lambda self, *a, **k: started.append(1)
module = importlib.import_module(sys.argv[1])
module.start()
print("BODY" if started else "SKIPPED")
"""

RUNS = {
    # Rejected, and a real run shows why: the thread starts with the mode unset.
    "run_path": True, "spec_file": True, "exec_open": True, "exec_compile": True, "exec_literal": True,
    "map_import": True, "find_spec": True, "site_dir": True, "with_enter": True, "for_iter": True, "subscript": True,
    "truth": True, "fstring": True, "setter": True, "setattr_hook": True, "enum_missing": True, "enum_auto": True,
    "audit_hook": True, "meta_finder": True, "lazy": True,
    # Accepted: the heartbeat world really skips.
    "run_path_pure": False, "exec_inert": False, "optional_library": False, "with_pure": False, "meta_stdlib": False,
}
"""Module -> whether the legacy body (or a thread before the guard) runs in the heartbeat world."""


def _expected(module: str) -> str:
    path = DATA / (module.replace(".", "/") + ".py")
    line = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# expect: start"))
    return line.split()[3]


def _run(root: Path, module: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("THOR_SCHEDULER_MODE", "PYTHONPATH")}
    result = subprocess.run(
        [sys.executable, "-c", _RUN, module], cwd=root, env=env, capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize("module", sorted(RUNS))
def test_verdicts_agree_with_a_real_run(tmp_path: Path, module: str) -> None:
    root = tmp_path / "project"
    shutil.copytree(DATA, root)
    expected = _expected(module)
    assert (expected == "ok") == (not RUNS[module]), f"{module}: the verdict and the table disagree"
    assert _run(root, module) == ("BODY" if RUNS[module] else "SKIPPED")


def _newer_python() -> str | None:
    """An interpreter of Python 3.12+ that really runs (a pyenv shim may exist without a usable version)."""
    candidates = [shutil.which(f"python3.{minor}") for minor in (12, 13, 14)]
    candidates += sorted(str(p) for p in Path.home().glob(".pyenv/versions/3.1[2-9]*/bin/python3"))
    for candidate in candidates:
        if candidate is None:
            continue
        try:
            probe = subprocess.run([candidate, "-c", "import sys; print(sys.version_info >= (3, 12))"], capture_output=True, text=True, timeout=30)
        except OSError:
            continue
        if probe.returncode == 0 and probe.stdout.strip() == "True":
            return candidate
    return None


_PY312 = _newer_python()


@pytest.mark.skipif(_PY312 is None, reason="sys.monitoring needs Python 3.12+")
def test_a_monitoring_callback_runs_before_the_guard_on_a_newer_python(tmp_path: Path) -> None:
    """R7-2: checked on any version, the PEP 669 callback registered under `if sys.version_info >= (3, 12):` is TG009;
    on 3.12+ it runs when start is called, before the guard, with the mode unset."""
    root = tmp_path / "project"
    shutil.copytree(DATA, root)
    assert _expected("monitoring") == "TG009"
    env = {k: v for k, v in os.environ.items() if k not in ("THOR_SCHEDULER_MODE", "PYTHONPATH", "PYENV_VERSION")}
    result = subprocess.run(
        [str(_PY312), "-c", _RUN, "monitoring"], cwd=root, env=env, capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "BODY"


def test_a_deployment_file_the_checkout_lacks_runs_where_it_exists(tmp_path: Path) -> None:
    """R7-8: checked without walk8_local_settings.py the verdict is TG009; where the deployment has the file, its
    import-time write makes the legacy body run in the heartbeat world."""
    root = tmp_path / "project"
    shutil.copytree(DATA, root)
    assert _expected("optional_local") == "TG009"
    assert _run(root, "optional_local") == "SKIPPED"  # the checkout: the import fails and is ignored
    shutil.copy(root / "walk8_local_settings.py.deploy", root / "walk8_local_settings.py")
    assert _run(root, "optional_local") == "BODY"
    # With the file present the walk reads it and names the write.
    config = project_config(root, {}, {"preset": "none", "entry-points": ["optional_local:start"]})
    findings = run_check([root], config).findings
    assert [f.code for f in findings] == ["TG009"]
    assert "walk8_local_settings.py (imported with optional_local) writes the environment variable THOR_SCHEDULER_MODE" in findings[0].message


_GUARDED = """
import os
import threading


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
"""
_UNGUARDED = """
import threading


def start():
    threading.Thread(target=print).start()
"""


@pytest.mark.parametrize("layout", ["regular", "namespace"])
def test_an_entry_module_under_two_source_roots_is_unproven(tmp_path: Path, layout: str) -> None:
    """R7-4: the guarded copy under the first root is not what a run from the project root imports."""
    root = tmp_path / "project"
    files = {"src/feeds/m.py": _GUARDED, "feeds/m.py": _UNGUARDED}
    if layout == "regular":
        write_files(root, files)
    else:
        for relative, text in files.items():
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            (root / relative).write_text(text, encoding="utf-8")
    config = project_config(root, {}, {"preset": "none", "source-roots": ["src", "."], "entry-points": ["feeds.m:start"]})
    findings = run_check([root], config).findings
    assert [f.code for f in findings] == ["TG009"]
    assert "two source roots" in findings[0].message
    assert _run(root, "feeds.m") == "BODY"  # the run from the project root loads ./feeds/m.py


def test_one_source_root_is_not_ambiguous(tmp_path: Path) -> None:
    root = tmp_path / "project"
    write_files(root, {"feeds/m.py": _GUARDED})
    config = project_config(root, {}, {"preset": "none", "entry-points": ["feeds.m:start"]})
    assert run_check([root], config).findings == []


def _reach(source: str, module: str = "pkg.mod"):
    return import_time_reach(ast.parse(textwrap.dedent(source)), module)


@pytest.mark.parametrize(
    ("expression", "relative"),
    [
        ('os.path.join(os.path.dirname(__file__), "boot.py")', "boot.py"),
        ('os.path.join(os.path.dirname(os.path.abspath(__file__)), "conf", "x.py")', "conf/x.py"),
        ('os.path.dirname(os.path.realpath(__file__)) + "/boot.py"', "boot.py"),
        ('f"{os.path.dirname(__file__)}/boot.py"', "boot.py"),
        ('Path(__file__).parent / "boot.py"', "boot.py"),
        ('Path(__file__).resolve().parent.parent / "settings" / "local.py"', "../settings/local.py"),
        ('Path(__file__).with_name("boot.py")', "boot.py"),
        ('Path(__file__).parent.joinpath("a", "b.py")', "a/b.py"),
        ('BASE / "boot.py"', "boot.py"),
    ],
)
def test_paths_built_from_the_module_file_are_followed(expression: str, relative: str) -> None:
    reach = _reach(
        f"""
        import os, runpy
        from pathlib import Path
        BASE = Path(__file__).parent
        runpy.run_path({expression})
        """
    )
    assert reach.files == [(relative, 5)] and reach.unread == []


@pytest.mark.parametrize(
    "statement",
    [
        'runpy.run_path("boot.py")',  # relative to the working directory
        'runpy.run_path("/etc/thor/boot.py")',
        "runpy.run_path(sys.argv[1])",
        'exec(open("boot.py").read())',
        "exec(CODE)",
        'exec("import os")',
        'eval("f()")',
        'exec("X", {}, MAPPING)',  # a name read through a mapping that may be code
        'eval("A + 1", {"A": OBJ})',  # an operator on a name: the object's dunder
        "site.addsitedir(HERE)",
        "LOADER.exec_module(MODULE)",
        "ITEMS = list(map(importlib.import_module, NAMES))",
        "HOOK = functools.partial(runpy.run_path)",
    ],
)
def test_code_the_walk_cannot_read_is_unread_where_it_surely_runs(statement: str) -> None:
    source = f"""
        import functools, importlib, os, runpy, site, sys
        {statement}
        def later():
            {statement}
        """
    reach = _reach(source)
    assert [line for line, _ in reach.unread] == [3]  # not in `later`, which only may run (assumption 15)
    assert reach.files == []


@pytest.mark.parametrize("statement", ['exec("X = 1", {})', 'eval("1 + 2")', 'exec("A, B = 1, (2, 3)", {}, NS)'])
def test_inert_literal_code_runs_nothing(statement: str) -> None:
    assert _reach(f"NS = {{}}\n{statement}\n").unread == []


def test_required_modules_skip_code_that_never_runs_here() -> None:
    reach = _reach(
        """
        import sys
        from typing import TYPE_CHECKING
        if TYPE_CHECKING:
            import only_for_types
        if sys.version_info < (3, 2):
            import only_old
        elif sys.platform == "walk8-no-such-platform":
            import only_there
        else:
            import here_a
        if not TYPE_CHECKING:
            import here_b
        try:
            from .local import settings
        except ImportError:
            pass
        from . import maybe_attribute
        def later():
            import only_when_called
        """
    )
    required = sorted(name for name, _ in reach.requires if not name.startswith(("sys", "typing")))
    # `from PKG import NAME` requires the submodule only when PKG's __init__ binds no NAME (review 9, R9-6): settled later
    assert [name for name in required if "::" not in name] == [".local", "here_a", "here_b"]
    assert [name for name in required if "::" in name] == [".::maybe_attribute", ".local::settings"]


def test_settle_walks_files_and_names_what_is_missing(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "boot.py").write_text("")
    (tmp_path / "ns").mkdir()  # a namespace portion: found
    here = tmp_path / "pkg" / "m.py"
    site = (here, 3, "text")
    roots = (tmp_path,)

    def absolute(name: str, package: str) -> str:
        return f"{package}.{name.lstrip('.')}"

    patches = [
        (FILE_TARGET_PREFIX + "boot.py", site),
        (FILE_TARGET_PREFIX + "gone.py", site),
        (REQUIRES_TARGET_PREFIX + ".boot", site),
        (REQUIRES_TARGET_PREFIX + ".absent", site),
        (REQUIRES_TARGET_PREFIX + "ns", site),
        (REQUIRES_TARGET_PREFIX + "pytest", site),  # installed where the verifier runs: a library
        (REQUIRES_TARGET_PREFIX + "walk8_nowhere_at_all", site),
        (UNREAD_TARGET, site),
    ]
    kept, files, names = settle(patches, here, "pkg", absolute, lambda name: in_project(name, roots), roots)
    assert files == [tmp_path / "pkg" / "boot.py"]
    # A top-level name found nowhere, with nothing in the checkout saying it is the project's: an optional library
    # not installed here (assumption 7).
    assert kept == [(MISSING_FILE_TARGET, (here, 3, "gone.py")), (UNRESOLVED_TARGET, (here, 3, "pkg.absent")), (UNREAD_TARGET, site)]
    assert names == ["pkg.boot", "pkg.absent", "ns", "pytest", "walk8_nowhere_at_all"]
    # The checkout shows it is the project's own: a template beside it, or a .gitignore line.
    for evidence in ("walk8_nowhere_at_all.py.example", "walk8_nowhere_at_all_sample.py", ".gitignore"):
        (tmp_path / evidence).write_text("walk8_nowhere_at_all.py\n" if evidence == ".gitignore" else "")
        kept, _, _ = settle(patches, here, "pkg", absolute, lambda name: in_project(name, roots), roots)
        assert (UNRESOLVED_TARGET, (here, 3, "walk8_nowhere_at_all")) in kept, evidence
        (tmp_path / evidence).unlink()
