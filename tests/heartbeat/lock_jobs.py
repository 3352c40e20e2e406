"""Jobs for the lock, signal and identity tests: every run journals its start *before* working and its end after.

``HEARTBEAT_TEST_JOURNAL`` names the journal (JSON lines, O_APPEND so that
several processes never interleave a line); ``HEARTBEAT_TEST_JOB_SECONDS``
makes a run last that long. A start without an end is a run that was
killed or abandoned, which is what the at-most-once tests look for.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from heartbeat.jobs import JobContext

JOURNAL_ENV = "HEARTBEAT_TEST_JOURNAL"
DURATION_ENV = "HEARTBEAT_TEST_JOB_SECONDS"


def _append(event: str, ctx: JobContext) -> None:
    line = json.dumps(
        {"event": event, "job": ctx.job, "slot": ctx.slot, "token": ctx.fencing_token, "pid": os.getpid(), "time": time.time()}
    )
    fd = os.open(os.environ[JOURNAL_ENV], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, (line + "\n").encode())
    finally:
        os.close(fd)


def slow(ctx: JobContext) -> None:
    """Journal ``start``, sleep ``HEARTBEAT_TEST_JOB_SECONDS`` (ignoring the stop event on purpose), journal ``end``."""
    _append("start", ctx)
    time.sleep(float(os.environ.get(DURATION_ENV, "0") or 0))
    _append("end", ctx)


def events(path: Path, event: str | None = None) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    records = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [r for r in records if event is None or r["event"] == event]
