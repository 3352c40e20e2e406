"""Differential check of the precision cases ``tests/data/check/fa8_*.py`` (review 7's false alarms) and
``fa9_*.py`` (review 8's): what they accept behaves, what they reject next to it really misbehaves.

Each accepted entry point is executed in a fresh subprocess (the runner of :mod:`tests.check.test_effect_differential`:
``threading.Thread.start`` records instead of starting) and must start nothing with ``THOR_SCHEDULER_MODE`` unset or
``heartbeat`` and start its thread with ``legacy``. The unsound neighbours each precision fix must keep rejecting
(:data:`MISBEHAVING`) must start a thread in the heartbeat world or never in the legacy one, so the rejection that
the data case states is for real, not a stylistic one. Rejections whose harm is not a thread start (a "never awaited"
warning, a log record formatted only when a handler emits, a dataclass field passed at construction) are stated in
the data cases and not executed here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.check.test_effect_differential import _entries, _run
from tests.check.test_v2_data import DATA

PREFIXES = ("fa8_", "fa9_")

MISBEHAVING = {
    "fa8_overload": ("Unguarded.start", "GuardOnlyInStub.start", "LateEffect.start", "StubLast.start"),
    "fa8_except_effect": ("Called.start", "Property.start", "NeverCaught.start", "NeverCaughtAttribute.start"),
    "fa8_kill_switch": (
        "kill_switch_only", "reloader_check_only", "kill_switch_in_function_import", "misspelled", "effect_then_kill_switch",
        "old_variable_name", "heartbeat_default", "heartbeat_named_flag",
    ),
    "fa8_try_guards": ("subscript_caught", "int_of_class_constant_caught", "Worker.attribute_caught"),
    "fa8_suppress_raise": ("swallowed_builtin", "swallowed_project", "swallowed_base_class", "swallowed_unknown_argument", "shadowed_builtin"),
    "fa9_frozen_constants": ("start_wrong_world",),
    "fa9_del_locals": ("start_del_at_end", "start_del_never", "start_del_tuple"),
    "fa9_project_exceptions": ("start_init", "start_base_init", "start_meta"),
}
"""Rejected entry points per case that really start the thread in the heartbeat world or never run the body."""

NOT_RUNNABLE = {
    "fa9_dropped_warnings": ("Feed.start_awaited",),  # an `async def`: the runner calls it without an event loop
    "fa9_logged_instance_state": ("Passed.start",),  # its class takes a constructor argument
}
"""Accepted entry points the runner cannot call as they are (judged by the data case only)."""


def _project(tmp_path: Path, case: str) -> tuple[Path, list[tuple[str, str, frozenset[str]]]]:
    source = DATA / f"{case}.py"
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(source, root / source.name)
    return root, _entries(root / source.name)


@pytest.mark.parametrize("case", sorted(p.stem for prefix in PREFIXES for p in DATA.glob(f"{prefix}*.py")))
def test_accepted_entry_points_behave_in_both_worlds(tmp_path: Path, case: str) -> None:
    root, entries = _project(tmp_path, case)
    accepted = [(m, q) for m, q, codes in entries if not codes and q not in NOT_RUNNABLE.get(case, ())]
    if not accepted:
        pytest.skip("no accepted entry point")
    for mode in (None, "heartbeat"):
        assert [name for name, effect in _run(root, accepted, mode).items() if effect] == []
    assert [name for name, effect in _run(root, accepted, "legacy").items() if not effect] == []


@pytest.mark.parametrize("case", sorted(MISBEHAVING))
def test_rejected_neighbours_really_misbehave(tmp_path: Path, case: str) -> None:
    root, entries = _project(tmp_path, case)
    expected = {q: codes for _, q, codes in entries}
    names = MISBEHAVING[case]
    assert all(expected[q] for q in names), "a listed neighbour is expected ok"
    wanted = [(case, q) for q in names]
    heartbeat, legacy = _run(root, wanted, None), _run(root, wanted, "legacy")
    assert [name for name in heartbeat if not heartbeat[name] and legacy[name]] == [], "rejected code that behaves"
