"""Properties, inherited methods and class namespaces (review 8: FA8-3, FA8-4, R8-1, R8-2, R8-9, R8-11, R8-13..R8-15).

The ``prop9_*`` data cases are executed in subprocesses with ``threading.Thread.start`` replaced by a sentinel:
every entry point ``check`` accepts does nothing with the mode unset or ``heartbeat``, and every entry point it
flags (whatever the code) really reaches a side effect with the mode unset — each case was written so that the
finding is the reason the legacy body or an effect runs in the heartbeat world.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.check.test_class8 import _run
from tests.check.test_effect_differential import _entries
from tests.check.test_v2_data import DATA, copy_case


def _prop9_cases() -> list[object]:
    return [pytest.param(p, id=p.stem) for p in sorted(DATA.glob("prop9_*"))]


@pytest.mark.parametrize("case", _prop9_cases())
def test_prop9_verdicts_match_execution(tmp_path: Path, case: Path) -> None:
    root = copy_case(case, tmp_path)
    entries = _entries(root if case.is_dir() else root / case.name)
    accepted = [(m, q) for m, q, codes in entries if not codes]
    flagged = [(m, q) for m, q, codes in entries if codes]
    assert accepted and flagged, "each prop9 case holds both kinds"
    for mode in (None, "heartbeat"):
        ran = _run(root, accepted, mode)
        assert [name for name, effect in ran.items() if effect] == [], f"accepted but reaches a side effect (mode {mode})"
    ran = _run(root, flagged, None)
    assert [name for name, effect in ran.items() if not effect] == [], "flagged entry points that reach no side effect with the mode unset"
