"""Review 10 of the verifier: ``tests/data/check/r10_constructed.py`` executed with the objects its entry points get
from outside the class's own stores (a constructor argument, a dataclass field, a closure, an alternate constructor,
a subscripted base). Each flagged entry point really starts a thread (the sentinel) in the heartbeat world, each
accepted one does nothing there and runs its body with ``legacy``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.check.test_effect_differential import SENTINEL
from tests.check.test_v2_data import DATA, copy_case

CALLS = SENTINEL + r"""
module = importlib.import_module("r10_constructed")
for name, expression in json.loads(sys.argv[2]):
    before = len(calls)
    try:
        eval(expression, vars(module))
    except Exception:
        pass
    results[name] = len(calls) > before
print(json.dumps(results))
"""

FLAGGED = {
    "Injected.start": "Injected(Market()).start()",
    "InjectedOptional.start": "InjectedOptional(Market()).start()",
    "FieldInjected.start": "FieldInjected(Market()).start()",
    "make_worker.<locals>.start": "make_worker()()",
    "Feed.start": "Feed().start()",
    "AltConstructor.start": "AltConstructor.create().start()",
}
ACCEPTED = {
    "InjectedPlain.start": "InjectedPlain('eu').start()",
    "make_plain_worker.<locals>.start": "make_plain_worker()()",
}


def _calls(root: Path, calls: dict[str, str], mode: str | None) -> dict[str, bool]:
    env = {k: v for k, v in os.environ.items() if k != "THOR_SCHEDULER_MODE"}
    if mode is not None:
        env["THOR_SCHEDULER_MODE"] = mode
    done = subprocess.run(
        [sys.executable, "-c", CALLS, str(root), json.dumps(list(calls.items()))], env=env, capture_output=True, text=True, timeout=120, cwd=root
    )
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def test_every_expectation_is_executed() -> None:
    stated = {line.split()[2] for line in (DATA / "r10_constructed.py").read_text(encoding="utf-8").splitlines() if line.startswith("# expect:")}
    assert stated == set(FLAGGED) | set(ACCEPTED)


@pytest.mark.parametrize("mode", [None, "heartbeat"])
def test_flagged_ones_run_project_code_in_the_heartbeat_world_accepted_ones_nothing(tmp_path: Path, mode: str | None) -> None:
    root = copy_case(DATA / "r10_constructed.py", tmp_path)
    assert [name for name, effect in _calls(root, FLAGGED, mode).items() if not effect] == []
    assert [name for name, effect in _calls(root, ACCEPTED, mode).items() if effect] == []


def test_accepted_ones_run_their_body_with_legacy(tmp_path: Path) -> None:
    root = copy_case(DATA / "r10_constructed.py", tmp_path)
    assert [name for name, effect in _calls(root, ACCEPTED, "legacy").items() if not effect] == []
