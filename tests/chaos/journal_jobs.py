"""The job every chaos runner binds: journal the run, and hang on request.

``record`` is bound to all eight jobs by ``module:qualname`` in the chaos
config, so it runs inside real ``thor-guard run-heartbeat`` processes. It
writes the run to the SQLite journal named by ``CHAOS_JOURNAL`` before doing
anything else, then writes its "result" to a store that checks the fencing
token, and completes the row (noting a refused result) when it returns.

A hang is requested by creating ``$CHAOS_DIR/hang-<job>`` holding a number of
seconds. The first run of that job to rename the file away (atomic, so
exactly one process wins) sleeps that long: a job stuck in I/O, as far as the
scheduler can tell.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from heartbeat.jobs import JobContext
from tests.chaos.journal import FENCED_OUT, JournalWriter

JOURNAL_ENV = "CHAOS_JOURNAL"
DIR_ENV = "CHAOS_DIR"
_WRITER_KEY = "chaos.journal"


def hang_request(directory: Path, job: str) -> Path:
    """The file whose presence makes the next run of ``job`` hang."""
    return directory / f"hang-{job}"


def _writer(ctx: JobContext) -> JournalWriter:
    writer = ctx.state.get(_WRITER_KEY)
    if not isinstance(writer, JournalWriter):
        writer = JournalWriter(Path(os.environ[JOURNAL_ENV]))
        ctx.state[_WRITER_KEY] = writer
    return writer


def _take_hang(job: str) -> float:
    request = hang_request(Path(os.environ[DIR_ENV]), job)
    if not request.exists():
        return 0.0
    taken = request.with_name(f"{request.name}.taken-{os.getpid()}")
    try:
        os.rename(request, taken)
    except FileNotFoundError:
        return 0.0  # another process took it first
    return float(taken.read_text().strip() or 0)


def record(ctx: JobContext) -> None:
    start = time.time()
    writer = _writer(ctx)
    row = writer.begin(job=ctx.job, slot=ctx.slot, token=ctx.fencing_token, pid=os.getpid(), scheduled=ctx.scheduled, start=start)
    hang = _take_hang(ctx.job)
    if hang:
        time.sleep(hang)
    notes = [f"hang {hang:g}s"] if hang else []
    if not writer.fenced_write(ctx.fencing_token, os.getpid(), time.time()):
        notes.append(FENCED_OUT)
    writer.finish(row, time.time(), note=", ".join(notes) or None)
