"""Review 9 of the verifier (issue 11): the ``v10_*`` data cases, executed.

Each case is run in subprocesses with ``threading.Thread.start`` replaced by a sentinel, by a caller that formats
what the entry point raises (as Django's logging would): every entry point ``check`` accepts does nothing in the
heartbeat world (THOR_SCHEDULER_MODE unset or ``heartbeat``), and every TG001/TG002 really starts a thread there. Cases
accepted entry points must also run their body with ``legacy``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.check.test_class8 import _run
from tests.check.test_effect_differential import RUNNER, SENTINEL, _entries
from tests.check.test_v2_data import DATA, copy_case


CONTEXT_MANAGERS = frozenset({"v10_context_manager_exit"})
"""Cases whose entry points are context managers: executed by entering them (:func:`test_context_manager_exits`)."""

IMPORT_TIME = frozenset({"v10_import_time_runs", "v10_main_blocks", "v12_imported_decorators", "v12_getattr_import_time", "v12_class_shadowed_by_submodule", "v12_hostile11_registrations", "v12_class_decorators", "v12_h11_getattr_class_method", "v12_h11_edge_truncated", "v12_h11_nested_class_method", "v14_builtins_replaced", "v14_registered_called_unnamed", "v14_h12_import_time", "v14_h13_import_time", "v15_h14_nested_classes", "v15_h14_escapes", "v15_h15_escapes"})
"""Cases whose TG009 entry points really run their body in the heartbeat world (import-time code sets the mode):
each is executed alone (:func:`test_import_time_tg009_is_real`), an environment write lasts for the process."""

SHADOWED_STDLIB_ENV = frozenset({"v15_h14_stdlib_shadow_env"})
"""A case whose every entry point is TG009 (a project module shadowing a standard-library one sets the mode when the
standard library imports it): executed by :func:`test_shadowed_stdlib_module_sets_the_mode`."""

WARNINGS = frozenset({"v10_dropped_coroutines"})
"""Cases whose effect is Python's "never awaited" RuntimeWarning: executed by :func:`test_dropped_coroutines_warn`."""


def _cases() -> list[object]:
    # v10_*: review 9's cases; v12_*: what review 9 left open (task FIXV12), executed the same way
    cases = sorted([*DATA.glob("v10_*"), *DATA.glob("v12_*"), *DATA.glob("v14_*"), *DATA.glob("v15_*"), *DATA.glob("v16_*")])
    return [pytest.param(p, id=p.stem) for p in cases if p.stem not in CONTEXT_MANAGERS | WARNINGS | IMPORT_TIME | SHADOWED_STDLIB_ENV]


@pytest.mark.parametrize("case", _cases())
def test_review9_verdicts_match_execution(tmp_path: Path, case: Path) -> None:
    root = copy_case(case, tmp_path)
    entries = _entries(root if case.is_dir() else root / case.name)
    accepted = [(m, q) for m, q, codes in entries if not codes]
    flagged = [(m, q) for m, q, codes in entries if codes & {"TG001", "TG002"}]
    assert accepted and flagged, "a case states both the unsound shapes and their correct variants"
    for mode in (None, "heartbeat"):
        ran = _run(root, accepted, mode)
        assert [name for name, effect in ran.items() if effect] == [], f"accepted but reaches a side effect (mode {mode})"
    ran = _run(root, flagged, None)
    assert [name for name, effect in ran.items() if not effect] == [], "TG001/TG002 entry points that reach no side effect"
    ran = _run(root, accepted, "legacy")
    assert [name for name, effect in ran.items() if not effect] == [], "accepted entry points whose legacy body does not run"


ENTER = SENTINEL + r"""
for module_name, qualname in json.loads(sys.argv[2]):
    before = len(calls)
    try:
        with getattr(importlib.import_module(module_name), qualname)():
            pass
        failed = ""
    except Exception as exc:
        failed = type(exc).__name__
    results[qualname] = [len(calls) > before, failed]
print(json.dumps(results))
"""


def _enter(root: Path, entries: list[tuple[str, str]], mode: str | None) -> dict[str, list[object]]:
    env = {k: v for k, v in os.environ.items() if k != "THOR_SCHEDULER_MODE"}
    if mode is not None:
        env["THOR_SCHEDULER_MODE"] = mode
    done = subprocess.run([sys.executable, "-c", ENTER, str(root), json.dumps(entries)], env=env, capture_output=True, text=True, timeout=120, cwd=root)
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("case", sorted(CONTEXT_MANAGERS))
def test_context_manager_exits(tmp_path: Path, case: str) -> None:
    """Entered with ``with``: an accepted context manager does nothing and raises nothing in the heartbeat world and
    runs its body with ``legacy``; a TG005 one makes the caller's ``with`` raise RuntimeError in the heartbeat world."""
    root = copy_case(DATA / f"{case}.py", tmp_path)
    entries = _entries(root / f"{case}.py")
    accepted = [(m, q) for m, q, codes in entries if not codes]
    flagged = [(m, q) for m, q, codes in entries if "TG005" in codes]
    assert accepted and flagged
    for mode in (None, "heartbeat"):
        assert all(result == [False, ""] for result in _enter(root, accepted, mode).values())
        assert all(result[1] == "RuntimeError" for result in _enter(root, flagged, mode).values())
    assert all(result == [True, ""] for result in _enter(root, accepted, "legacy").values())


@pytest.mark.parametrize("case", sorted(WARNINGS))
def test_dropped_coroutines_warn(tmp_path: Path, case: str) -> None:
    """Each TG002 entry point makes Python warn "never awaited" in the heartbeat world; the accepted ones do not."""
    root = copy_case(DATA / f"{case}.py", tmp_path)
    entries = _entries(root / f"{case}.py")
    for module, qualname, codes in entries:
        done = subprocess.run(
            [sys.executable, "-c", RUNNER, str(root), json.dumps([(module, qualname)])],
            env={k: v for k, v in os.environ.items() if k != "THOR_SCHEDULER_MODE"}, capture_output=True, text=True, timeout=120, cwd=root,
        )
        assert done.returncode == 0, done.stderr
        assert ("was never awaited" in done.stderr) == ("TG002" in codes), (qualname, done.stderr)


@pytest.mark.parametrize("case", sorted(IMPORT_TIME))
def test_import_time_tg009_is_real(tmp_path: Path, case: str) -> None:
    """Each TG009 entry point runs its legacy body with THOR_SCHEDULER_MODE unset (its module's import-time code set
    the mode); each accepted one does nothing then and runs the body with ``legacy``. One process per entry point."""
    root = copy_case(DATA / case, tmp_path)
    entries = _entries(root)
    assert any(codes == {"TG009"} for _, _, codes in entries) and any(not codes for _, _, codes in entries)
    for module, qualname, codes in entries:
        name = f"{module}:{qualname}"
        if codes == {"TG009"}:
            assert _run(root, [(module, qualname)], None) == {name: True}, name
        else:
            assert not codes, name
            assert _run(root, [(module, qualname)], None) == {name: False}, name
            assert _run(root, [(module, qualname)], "legacy") == {name: True}, name


@pytest.mark.parametrize("case", sorted(SHADOWED_STDLIB_ENV))
def test_shadowed_stdlib_module_sets_the_mode(tmp_path: Path, case: str) -> None:
    """``import uuid`` at the top of the entry point's module runs the project's ``platform.py``, which sets the mode
    to legacy: the TG009 entry point really runs its body with THOR_SCHEDULER_MODE unset (hostile review 14)."""
    root = copy_case(DATA / case, tmp_path)
    entries = _entries(root)
    assert entries and all(codes == {"TG009"} for _, _, codes in entries)
    for module, qualname, _ in entries:
        assert _run(root, [(module, qualname)], None) == {f"{module}:{qualname}": True}


def _states_tg006(case: Path) -> bool:
    files = sorted(case.rglob("*.py")) if case.is_dir() else [case]
    return any(" TG006" in line for path in files for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# expect:"))


@pytest.mark.parametrize("case", [pytest.param(p, id=p.stem) for p in sorted(DATA.glob("v16_*")) if _states_tg006(p)])
def test_tg006_legacy_body_never_runs(tmp_path: Path, case: Path) -> None:
    """Hostile review 16: a TG006 for a library call that raises for its arguments (``getLogger(name, 1)``,
    ``extra={"message": ...}``) is real: with ``legacy`` the body does not run."""
    root = copy_case(case, tmp_path)
    inverted = [(m, q) for m, q, codes in _entries(root if case.is_dir() else root / case.name) if "TG006" in codes]
    assert inverted
    ran = _run(root, inverted, "legacy")
    assert [name for name, effect in ran.items() if effect] == [], "TG006 entry points whose legacy body runs"
