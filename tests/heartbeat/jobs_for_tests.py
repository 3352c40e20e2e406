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
        # lets a test signal us mid-job; written whole through a rename so a reader never sees it empty
        staged = running.with_name(running.name + ".tmp")
        staged.write_text(json.dumps({"job": ctx.job, "start": start}))
        os.replace(staged, running)
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


def exit_job(ctx: JobContext) -> None:
    """``sys.exit()`` inside a job: before the fix it ended the whole runner with status 0."""
    import sys

    sys.exit(0)


def interrupt_job(ctx: JobContext) -> None:
    """A job raising KeyboardInterrupt itself (not a signal): before the fix the runner died with "Aborted!"."""
    raise KeyboardInterrupt


def huge_failure(ctx: JobContext) -> None:
    """An exception carrying 5 MB of text, as a dumped response body would."""
    raise ValueError("first line of a huge message\n" + "x" * (5 * 1024 * 1024))


def hang(ctx: JobContext) -> None:
    """Sleep ``HEARTBEAT_TEST_HANG_SECONDS`` (default 60) on every run: a hung call to a dead service."""
    time.sleep(float(os.environ.get("HEARTBEAT_TEST_HANG_SECONDS", "60")))


_HUNG_ONCE: set[tuple[str, str]] = set()


def hang_once(ctx: JobContext) -> None:
    """Like :func:`hang` on the job's first run for this journal (one per test) in this process; later runs return at once."""
    key = (os.environ.get(JOURNAL_ENV, ""), ctx.job)
    if key in _HUNG_ONCE:
        return
    _HUNG_ONCE.add(key)
    time.sleep(float(os.environ.get("HEARTBEAT_TEST_HANG_SECONDS", "60")))


CADENCE_HANG_ENV = "HEARTBEAT_TEST_CADENCE_HANG"


def cadence_that_can_hang(now: Any) -> bool:
    """A cadence predicate (always open) that hangs for good once the file named by ``HEARTBEAT_TEST_CADENCE_HANG``
    exists, after writing ``<file>.hanging``: a loop stuck outside any job (say, a predicate asking a dead service)."""
    marker = os.environ.get(CADENCE_HANG_ENV)
    if marker and Path(marker).exists():
        Path(marker + ".hanging").write_text(str(os.getpid()))
        time.sleep(3600)
    return True


def migrate() -> None:
    """``setup`` hook: create Django's tables in the configured database."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def db_probe(ctx: JobContext) -> None:
    """Query the database through the ORM and journal the backend's pid (a new pid means a new connection)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    entry: dict[str, Any] = {"job": ctx.job, "start": time.time()}
    try:
        entry["count"] = ContentType.objects.count()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            entry["backend"] = cursor.fetchone()[0]
        entry["ok"] = True
    except Exception as exc:
        entry.update(ok=False, error=f"{type(exc).__name__}: {exc}"[:300])
        _journal(entry)
        raise
    _journal(entry)


def _journal(entry: dict[str, Any]) -> None:
    fd = os.open(os.environ[JOURNAL_ENV], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, (json.dumps(entry) + "\n").encode())
    finally:
        os.close(fd)
