"""Differential check of ``tests/data/check/split9_legacy_exits.py`` (review 9, R9-9/R9-10) and
``split10_semantic.py`` (review 10, R10-6/R10-9: the rule judged by what each value does, not by the branch's last
statement).

The heartbeat refuses every legacy-world value (``''``, ``'bogus'``, ``' heartbeat'``...), so the starter must run
its body for each of them. Each entry point is executed in fresh subprocesses (the runner of
:mod:`tests.check.test_effect_differential`: ``threading.Thread.start`` records instead of starting): the accepted ones
start the thread for every legacy-world value and for none of the heartbeat world; each rejected one stops for some
legacy-world value although ``legacy`` runs it, so the TG012 is real.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.check.test_effect_differential import RUNNER, _entries, _run
from tests.check.test_v2_data import DATA

CASES = ("split9_legacy_exits", "split10_semantic")
LEGACY_WORLD = ("legacy", "LEGACY", "", "bogus", " heartbeat", "legacy ")
HANGS = frozenset({"wait_for_legacy"})
"""Entry points that never return for some legacy-world values (run on their own, with a timeout)."""


@pytest.mark.parametrize("case", CASES)
def test_accepted_run_for_every_legacy_world_value_and_rejected_ones_do_not(tmp_path: Path, case: str) -> None:
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(DATA / f"{case}.py", root / f"{case}.py")
    entries = [(m, q, codes) for m, q, codes in _entries(root / f"{case}.py") if q not in HANGS]
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


def test_a_wait_loop_on_the_variable_never_starts_for_a_value_the_heartbeat_refuses(tmp_path: Path) -> None:
    """``wait_for_legacy`` (rejected: TG012) starts with 'legacy' and hangs, starting nothing, with '' and 'bogus'."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(DATA / "split10_semantic.py", root / "split10_semantic.py")
    assert _run(root, [("split10_semantic", "wait_for_legacy")], "legacy") == {"split10_semantic:wait_for_legacy": True}
    for mode in ("", "bogus"):
        env = {**{k: v for k, v in os.environ.items() if k != "THOR_SCHEDULER_MODE"}, "THOR_SCHEDULER_MODE": mode}
        with pytest.raises(subprocess.TimeoutExpired):
            subprocess.run(
                [sys.executable, "-c", RUNNER, str(root), json.dumps([("split10_semantic", "wait_for_legacy")])],
                env=env, capture_output=True, text=True, timeout=3, cwd=root,
            )
