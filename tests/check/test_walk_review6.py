"""Hostile review 6 on files, layouts and the import walk (R6-2, R6-11, R6-18, R6-20), with real files and runs.

The data cases under ``tests/data/check/walk_review6_*`` pin verdicts that need only sources; these need what a data
case cannot hold: a ``__pycache__`` file written by ``py_compile``, a walk of more than 2000 generated files, two
source roots, and a cached ``check`` run before and after a compiled file appears.
"""

from __future__ import annotations

import os
import py_compile
import subprocess
import sys
from pathlib import Path

from tests.check.project import project_config, write_files
from thor_guard.check import run_check
from thor_guard.verdict_cache import VerdictCache, unchecked_pyc

GUARDED = (
    "import os\nimport threading\n\n\ndef _run():\n    open('SENT', 'a').write('run ')\n\n\n"
    "def start():\n    mode = os.environ.get('THOR_SCHEDULER_MODE', 'heartbeat').lower()\n"
    "    if mode == 'heartbeat':\n        return\n    threading.Thread(target=_run).start()\n"
)
UNGUARDED = "import threading\n\n\ndef _run():\n    open('SENT', 'a').write('run ')\n\n\ndef start():\n    threading.Thread(target=_run).start()\n"
TABLE = {"preset": "none", "entry-points": ["m:start"]}


def _codes(root: Path, table: dict[str, object] = TABLE, cache: VerdictCache | None = None) -> tuple[list[tuple[str, str]], list[object]]:
    config = project_config(root, {}, table)
    result = run_check([root], config, cache=cache) if cache is not None else run_check([root], config)
    return [(f.code, f.message) for f in result.findings], list(result.errors)


def _compile_old_body(root: Path, mode: py_compile.PycInvalidationMode) -> Path:
    """Compile the unguarded body into m's ``__pycache__`` file with ``mode``, then put the guarded source back."""
    (root / "m.py").write_text(UNGUARDED, encoding="utf-8")
    target = Path(py_compile.compile(str(root / "m.py"), invalidation_mode=mode, doraise=True))
    (root / "m.py").write_text(GUARDED, encoding="utf-8")
    return target


def _runs_body_when_unset(root: Path) -> bool:
    env = {k: v for k, v in os.environ.items() if k != "THOR_SCHEDULER_MODE"}
    code = "import sys, threading; sys.path.insert(0, '.'); import m; m.start(); [t.join() for t in threading.enumerate() if t is not threading.main_thread()]"
    subprocess.run([sys.executable, "-c", code], cwd=root, env=env, check=True, timeout=60)
    return (root / "SENT").exists()


def test_unchecked_hash_pyc_is_unproven_and_really_runs_the_old_body(tmp_path: Path) -> None:
    root = tmp_path / "p"
    root.mkdir()
    pyc = _compile_old_body(root, py_compile.PycInvalidationMode.UNCHECKED_HASH)
    assert unchecked_pyc(root / "m.py") == pyc
    findings, errors = _codes(root, TABLE)
    assert errors == []
    assert [code for code, _ in findings] == ["TG009"]
    assert "not checked against its source" in findings[0][1] and pyc.name in findings[0][1]
    assert _runs_body_when_unset(root)  # the differential: the guarded source is not what runs


def test_checked_pycs_are_compared_with_the_source(tmp_path: Path) -> None:
    for mode in (py_compile.PycInvalidationMode.CHECKED_HASH, py_compile.PycInvalidationMode.TIMESTAMP):
        root = tmp_path / mode.name
        root.mkdir()
        _compile_old_body(root, mode)
        assert unchecked_pyc(root / "m.py") is None
        findings, errors = _codes(root, TABLE)
        assert (findings, errors) == ([], [])
        assert not _runs_body_when_unset(root)


def test_an_unchecked_pyc_appearing_later_invalidates_the_cached_verdict(tmp_path: Path) -> None:
    root, cache_dir = tmp_path / "p", tmp_path / "cache"
    root.mkdir()
    write_files(root, {"m.py": GUARDED})
    assert _codes(root, TABLE, VerdictCache(cache_dir))[0] == []
    assert _codes(root, TABLE, VerdictCache(cache_dir))[0] == []
    _compile_old_body(root, py_compile.PycInvalidationMode.UNCHECKED_HASH)
    assert [code for code, _ in _codes(root, TABLE, VerdictCache(cache_dir))[0]] == ["TG009"]


def _big_project(root: Path, modules: int) -> None:
    files = {f"big/mod{n:04d}.py": f"VALUE = {n}\n" for n in range(modules)}
    files["big/mod0000.py"] = 'import os\n\nVALUE = 0\nos.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")\n'
    files["big/__init__.py"] = "".join(f"from big import mod{n:04d}  # noqa: F401\n" for n in range(modules))
    files["m.py"] = "import big  # noqa: F401\n" + GUARDED
    write_files(root, files)


def test_a_walk_cut_by_its_bound_is_unproven(tmp_path: Path) -> None:
    _big_project(tmp_path / "big", 2100)
    findings, _ = _codes(tmp_path / "big")
    assert [code for code, _ in findings] == ["TG009"]
    assert "the import walk of m exceeds 2000 files" in findings[0][1]
    _big_project(tmp_path / "small", 300)  # control: the whole walk is read, and the write in mod0000 is found
    findings, _ = _codes(tmp_path / "small")
    assert [code for code, _ in findings] == ["TG009"]
    assert "writes the environment variable THOR_SCHEDULER_MODE" in findings[0][1]


def test_a_walked_file_invalid_for_every_python_is_a_bad_input_and_unproven(tmp_path: Path) -> None:
    root = tmp_path / "p"
    write_files(root, {"boot.py": "def broken(:\n", "m.py": "import boot  # noqa: F401\n" + GUARDED})
    findings, errors = _codes(root)
    assert [code for code, _ in findings] == ["TG009"]
    assert "boot.py" in findings[0][1] and "cannot be read as Python" in findings[0][1]
    assert len(errors) == 1 and "boot.py" in str(errors[0])


def _raw(root: Path, files: dict[str, str]) -> None:
    """Write ``files`` without adding ``__init__.py`` files (unlike ``write_files``): namespace packages stay so."""
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")


def test_a_namespace_package_loses_to_a_regular_package_in_another_source_root(tmp_path: Path) -> None:
    helper = "import os\n\n\ndef owns():\n    return os.environ.get('THOR_SCHEDULER_MODE', 'heartbeat').lower() == 'heartbeat'\n"
    entry = "import threading\n\nfrom shared.modes import owns\n\n\ndef start():\n    if owns():\n        return\n    threading.Thread(target=print).start()\n"
    root = tmp_path / "p"
    _raw(root, {"src/m.py": entry, "src/shared/modes.py": helper, "lib/other.py": "X = 1\n"})  # src/shared: no __init__
    table = {"preset": "none", "source-roots": ["src", "lib"], "entry-points": ["m:start"]}
    assert _codes(root, table)[0] == []  # control: nothing else is called shared
    _raw(root, {"lib/shared/__init__.py": "", "lib/shared/modes.py": "def owns():\n    return False\n"})
    findings, _ = _codes(root, table)
    assert [code for code, _ in findings] == ["TG009"]
    assert "namespace package" in findings[0][1] and "shared/__init__.py" in findings[0][1]
