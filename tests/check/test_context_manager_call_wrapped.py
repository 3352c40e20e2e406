"""The call-wrapped context managers of ``tests/data/check/context_manager_call_wrapped.py``, entered for real (AR3-5).

``running = contextlib.contextmanager(_running)``: ``check`` reports TG005 for ``_running`` when its guard returns
before the yield. Entering ``running()`` in the heartbeat world then raises RuntimeError in the caller's ``with``;
the accepted ``_running_ok`` enters and leaves without starting anything there, and runs its body with ``legacy``.
"""

from __future__ import annotations

from pathlib import Path

from tests.check.test_effect_differential import _entries
from tests.check.test_review9 import _enter
from tests.check.test_v2_data import DATA, copy_case

CASE = "context_manager_call_wrapped"
WRAPPED = {"_running": "running", "_began": "began", "_running_ok": "running_ok"}
"""Module-level generators of the case and the name their ``contextmanager(...)`` call binds (what a caller enters)."""


def test_call_wrapped_context_managers_match_execution(tmp_path: Path) -> None:
    root = copy_case(DATA / f"{CASE}.py", tmp_path)
    codes = {qualname: found for _, qualname, found in _entries(root / f"{CASE}.py")}
    assert {q: codes[q] for q in WRAPPED} == {"_running": {"TG005"}, "_began": {"TG005"}, "_running_ok": set()}
    flagged = [(CASE, WRAPPED[q]) for q in WRAPPED if codes[q] == {"TG005"}]
    accepted = [(CASE, WRAPPED[q]) for q in WRAPPED if not codes[q]]
    for mode in (None, "heartbeat"):
        assert all(result[1] == "RuntimeError" for result in _enter(root, flagged, mode).values()), mode
        assert all(result == [False, ""] for result in _enter(root, accepted, mode).values()), mode
    assert all(result == [True, ""] for result in _enter(root, accepted, "legacy").values())
    assert all(result == [True, ""] for result in _enter(root, flagged, "legacy").values())
