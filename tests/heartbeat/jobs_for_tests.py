"""Job functions the tests bind by ``module:qualname`` (in-process and in subprocesses).

``record`` appends one JSON line per run to the file named by
``HEARTBEAT_TEST_JOURNAL`` (O_APPEND, so concurrent processes never interleave
a line): job, slot, fencing token, pid, start, end. ``HEARTBEAT_TEST_JOB_SECONDS``
makes each run last that long, to test stopping mid-job.
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
not_callable = 42


def record(ctx: JobContext) -> None:
    start = time.time()
    pause = float(os.environ.get(DURATION_ENV, "0") or 0)
    running = Path(os.environ[JOURNAL_ENV] + ".running")
    if pause:
        running.write_text(json.dumps({"job": ctx.job, "start": start}))  # lets a test signal us mid-job
        time.sleep(pause)
    line = json.dumps(
        {
            "job": ctx.job, "slot": ctx.slot, "token": ctx.fencing_token, "pid": os.getpid(), "leader": ctx.leader_id,
            "tick": ctx.tick, "scheduled": ctx.scheduled, "start": start, "end": time.time(),
        }
    )
    fd = os.open(os.environ[JOURNAL_ENV], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, (line + "\n").encode())
    finally:
        os.close(fd)
    if pause:
        running.unlink(missing_ok=True)


def fail(ctx: JobContext) -> None:
    raise RuntimeError(f"{ctx.job} failed on purpose")


def read_journal(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
