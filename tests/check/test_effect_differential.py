"""Differential check of the effect data cases: what ``check`` accepts really does nothing in the heartbeat world.

Each ``tests/data/check/effect_*`` case states its verdicts (``# expect:``). Every entry point expected ``ok`` is
executed in a fresh subprocess with ``THOR_SCHEDULER_MODE`` unset (and set to ``heartbeat``), with
``threading.Thread.start`` replaced by a sentinel that records the call instead of starting a thread: an accepted
function that reaches a side effect — through a dunder, a logger handler, a replaced method — fails here. Entry
points expected TG002 in the cases listed in :data:`REAL_EFFECT_CASES` are executed too, and each must really
reach the sentinel, so those cases keep exercising real effects.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.check.test_v2_data import DATA, _expectations

SENTINEL = r"""
import importlib, inspect, json, sys, threading
calls = []
threading.Thread.start = lambda self: calls.append(1)
sys.path.insert(0, sys.argv[1])
results = {}
"""
"""The start of every runner script: ``threading.Thread.start`` counts instead of starting, and the project (argv[1])
is importable. argv[2] is a JSON list of ``[module, qualname]`` pairs."""

RUNNER = SENTINEL + r"""
for module_name, qualname in json.loads(sys.argv[2]):
    module = importlib.import_module(module_name)
    target = module
    for part in qualname.split(".")[:-1]:
        target = getattr(target, part)
        target = target() if isinstance(target, type) else target
    before = len(calls)
    try:
        value = getattr(target, qualname.split(".")[-1])()
        if inspect.isgenerator(value):
            list(value)
        elif inspect.iscoroutine(value):  # an async entry point runs when its caller awaits it
            import asyncio; asyncio.run(value)
    except (Exception, SystemExit):  # an entry point may end the process (sys.exit): that is its result, not the runner's
        pass
    results[module_name + ":" + qualname] = len(calls) > before
print(json.dumps(results))
"""


REAL_EFFECT_CASES = frozenset(
    {
        "effect_dunders", "effect_class_body_set_name", "effect_logger_reconfigured", "effect_helper_multiline_string",
        "effect_class_dunders", "effect_class_creation", "effect_builtin_methods", "effect_class_annotations_lazy",
        "effect_mode_operands", "effect_self_dunders", "effect_self_dunders_patterns", "effect_deletes", "effect_augmented_alias", "effect_self_getters", "effect_mapping_protocol", "effect_module_getattr", "effect_comprehension_targets_slices", "effect_class_attribute_descriptor",
    }
)
"""Cases written to be executed (the older effect_* cases call undefined helpers: static verdicts only)."""


UNSOUND_BEFORE_CASES = frozenset(
    {
        "values_instance_shadows_class_attribute", "values_namespace_mutation", "values_set_name_factory", "values_enum_guards",
        "values_precision_round5", "values_decorator_shapes", "values_base_class_decorator",
    }
)
"""Cases of hostile review 5 run both ways: each TG009/TG012 entry point (but those named *unproven*: a stated
precision limit) must start its thread in the heartbeat world (THOR_SCHEDULER_MODE unset) or never in the legacy
one, and each accepted one must do nothing in the heartbeat world and run its body with THOR_SCHEDULER_MODE=legacy."""


def _cases() -> list[object]:
    return [pytest.param(entry, id=entry.stem) for entry in sorted(DATA.glob("effect_*"))]


def _entries(case: Path) -> list[tuple[str, str, frozenset[str]]]:
    root = case if case.is_dir() else case.parent
    paths = sorted(case.rglob("*.py")) if case.is_dir() else [case]
    return [(e.module, e.qualname, e.codes) for path in paths for e in _expectations(root, path)]


def _run(root: Path, entries: list[tuple[str, str]], mode: str | None) -> dict[str, bool]:
    env = {k: v for k, v in os.environ.items() if k != "THOR_SCHEDULER_MODE"}
    if mode is not None:
        env["THOR_SCHEDULER_MODE"] = mode
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, str(root), json.dumps(entries)], env=env, capture_output=True, text=True, timeout=120, cwd=root
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("case", _cases())
def test_accepted_entry_points_do_nothing_in_heartbeat_mode(tmp_path: Path, case: Path) -> None:
    root = tmp_path / "project"
    if case.is_dir():
        import shutil

        shutil.copytree(case, root)
    else:
        root.mkdir()
        (root / case.name).write_text(case.read_text(encoding="utf-8"), encoding="utf-8")
    entries = _entries(root if case.is_dir() else root / case.name)
    # Entry points that never return (a loop no path leaves), need arguments or whose effect depends on another
    # variable (named *joined*: a merge of paths) are not executed.
    runnable = [(m, q, codes) for m, q, codes in entries if "loop" not in case.stem and "joined" not in q]
    accepted = [(m, q) for m, q, codes in runnable if not codes]
    flagged = [(m, q) for m, q, codes in runnable if "TG002" in codes]
    for mode in (None, "heartbeat"):
        if accepted:
            ran = _run(root, accepted, mode)
            assert [name for name, effect in ran.items() if effect] == []
    if flagged and case.stem in REAL_EFFECT_CASES:
        ran = _run(root, flagged, None)
        assert [name for name, effect in ran.items() if not effect] == [], "TG002 cases that reach no side effect when run"


@pytest.mark.parametrize("case", sorted(UNSOUND_BEFORE_CASES))
def test_unproven_entry_points_really_run_in_the_wrong_world(tmp_path: Path, case: str) -> None:
    import shutil

    source = DATA / case if (DATA / case).is_dir() else DATA / f"{case}.py"
    root = tmp_path / "project"
    if source.is_dir():
        shutil.copytree(source, root)
    else:
        root.mkdir()
        shutil.copy(source, root / source.name)
    entries = _entries(root if source.is_dir() else root / source.name)
    if sys.version_info < (3, 11):
        entries = [e for e in entries if "strenum" not in e[0]]  # enum.StrEnum is new in 3.11
    flagged = [(m, q) for m, q, codes in entries if codes & {"TG009", "TG012"} and "unproven" not in q]
    accepted = [(m, q) for m, q, codes in entries if not codes]
    assert flagged, "the case lost its unsound examples"
    heartbeat, legacy = _run(root, flagged, None), _run(root, flagged, "legacy")
    assert [name for name in heartbeat if not heartbeat[name] and legacy[name]] == [], "TG009 on code that behaves"
    if accepted:
        ran = _run(root, accepted, None)
        assert [name for name, effect in ran.items() if effect] == []
        ran = _run(root, accepted, "legacy")
        assert [name for name, effect in ran.items() if not effect] == [], "accepted entry points that never run the body"
