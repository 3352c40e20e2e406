"""Review 9 of the verifier (issue 11): the ``v10_*`` data cases, executed.

Each case is run in subprocesses with ``threading.Thread.start`` replaced by a sentinel, by a caller that formats
what the entry point raises (as Django's logging would): every entry point ``check`` accepts does nothing in the
heartbeat world (THOR_SCHEDULER_MODE unset or ``heartbeat``), and every TG001/TG002 really starts a thread there. Cases
accepted entry points must also run their body with ``legacy``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.check.test_class8 import _run
from tests.check.test_effect_differential import _entries
from tests.check.test_v2_data import DATA, copy_case


def _cases() -> list[object]:
    return [pytest.param(p, id=p.stem) for p in sorted(DATA.glob("v10_*"))]


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
