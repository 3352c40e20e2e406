"""Differential check of ``tests/data/check/split9_legacy_exits.py`` (review 9, R9-9/R9-10).

The heartbeat refuses every legacy-world value (``''``, ``'bogus'``, ``' heartbeat'``...), so the starter must run
its body for each of them. Each entry point is executed in fresh subprocesses (the runner of
:mod:`tests.check.test_effect_differential`: ``threading.Thread.start`` records instead of starting): the accepted ones
start the thread for every legacy-world value and for none of the heartbeat world; each rejected one stops for some
legacy-world value although ``legacy`` runs it, so the TG012 is real.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.check.test_effect_differential import _entries, _run
from tests.check.test_v2_data import DATA

CASE = "split9_legacy_exits"
LEGACY_WORLD = ("legacy", "LEGACY", "", "bogus", " heartbeat", "legacy ")


def test_accepted_run_for_every_legacy_world_value_and_rejected_ones_do_not(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(DATA / f"{CASE}.py", root / f"{CASE}.py")
    entries = _entries(root / f"{CASE}.py")
    accepted = [(m, q) for m, q, codes in entries if not codes]
    rejected = [(m, q) for m, q, codes in entries if codes]
    assert len(accepted) >= 4 and len(rejected) >= 6
    everything = accepted + rejected
    for mode in (None, "heartbeat", "HEARTBEAT"):
        assert [name for name, started in _run(root, everything, mode).items() if started] == []
    runs = {mode: _run(root, everything, mode) for mode in LEGACY_WORLD}
    for module, qualname in accepted:
        name = f"{module}:{qualname}"
        assert all(runs[mode][name] for mode in LEGACY_WORLD), name
    for module, qualname in rejected:
        name = f"{module}:{qualname}"
        assert runs["legacy"][name], f"{name} does not even run with 'legacy'"
        assert not all(runs[mode][name] for mode in LEGACY_WORLD), f"{name} runs for every legacy-world value"
