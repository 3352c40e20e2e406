"""Where the leader says what it is doing, and how ``thor-guard heartbeat-status`` reads it back.

The leader keeps one JSON document: who leads (``host:pid``), its fencing
token, the last tick (number, time, cadence) and per job the last slot,
start, duration, outcome and error. It lives in Redis when the Redis lock is
used (every host can read it) and otherwise in a JSON file beside the lock
file, replaced atomically so a reader never sees half a document.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from thor_guard.report.plural import count

if TYPE_CHECKING:
    import redis

    from heartbeat.jobs import Job

STATUS_VERSION = 1
Outcome = Literal["ok", "error"]


class StatusStore(Protocol):
    location: str

    def load(self) -> dict[str, Any] | None:
        """The last saved document, or None when nothing was recorded yet."""

    def save(self, status: Mapping[str, Any]) -> None:
        """Replace the document."""


class FileStatusStore:
    """A JSON file replaced with write-to-temp + ``os.replace``: readers see the old or the new document, never a mix."""

    def __init__(self, path: Path, mode: int = 0o644) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self.mode = mode
        """File mode of the document (0644: a monitoring user may read it; mkstemp alone would make it 0600)."""

    def load(self) -> dict[str, Any] | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise ValueError(f"{self.path}: unreadable heartbeat status: {exc}") from exc
        return data if isinstance(data, dict) else None

    def save(self, status: Mapping[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            os.fchmod(fd, self.mode)
            # json.dumps without indent runs the C encoder: the document is rewritten on every tick.
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(json.dumps(status, separators=(",", ":")) + "\n")
            os.replace(tmp, self.path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise


class RedisStatusStore:
    """The same document as a Redis string next to the lock key."""

    def __init__(self, client: redis.Redis, key: str, url_for_logs: str = "redis") -> None:
        self.client = client
        self.key = key
        from heartbeat.locks import redact_url

        self.location = f"{redact_url(url_for_logs)} key {key}"

    def load(self) -> dict[str, Any] | None:
        raw = self.client.get(self.key)
        if raw is None:
            return None
        data = json.loads(raw)
        return data if isinstance(data, dict) else None

    def save(self, status: Mapping[str, Any]) -> None:
        self.client.set(self.key, json.dumps(status))


@dataclass
class JobStatus:
    """Per-job counters, the last run and the recent runs, as stored in the status document.

    Counters (``runs`` … ``missed_slots``) are cumulative across leaders: a new
    leader adopts them from the document it finds (see
    :meth:`StatusRecorder.resume_slots`), so they survive a failover in the
    store (the file beside the file lock, Redis beside the Redis lock).
    """

    interval: float
    when: str
    target: str | None = None
    timeout: float | None = None
    """Seconds after which a run is reported as past its timeout."""
    last_slot: int = -1
    last_start: float | None = None
    last_duration: float | None = None
    last_outcome: Outcome | None = None
    last_error: str | None = None
    """``Type: first line``, at most :data:`heartbeat.failures.ERROR_BYTES` bytes."""
    last_traceback: str | None = None
    """First and last lines of the traceback, at most :data:`heartbeat.failures.TRACEBACK_BYTES` bytes."""
    runs: int = 0
    failures: int = 0
    overruns: int = 0
    timeouts: int = 0
    missed_slots: int = 0
    running_since: float | None = None
    """Start of the run in progress (epoch seconds), or None."""
    past_timeout: bool = False
    """The run in progress has outlived its timeout (the loop went on without it)."""
    history: list[dict[str, Any]] = field(default_factory=list)
    """The last runs, newest last: ``{slot, start, duration, outcome, error, timed_out}``."""


COUNTERS = ("runs", "failures", "overruns", "timeouts", "missed_slots")
HISTORY_SIZE = 10
"""Runs kept per job in the status document."""


class MetricsSink(Protocol):
    """What :class:`StatusRecorder` reports besides the document (implemented by :class:`heartbeat.metrics.Metrics`)."""

    def leader(self, leading: bool, fencing_token: int | None) -> None: ...
    def tick(self, lateness: float) -> None: ...
    def job_started(self, job: str) -> None: ...
    def job_timed_out(self, job: str) -> None: ...
    def job_finished(self, job: str, *, duration: float, failed: bool, timed_out: bool, missed: int) -> None: ...


class StatusRecorder:
    """Collects what the scheduler reports and saves it; a failing store is logged, never fatal to the loop.

    Only the scheduler's thread calls it. :meth:`flush` writes only when
    something changed since the last write, so an idle tick costs one write
    at most and a tick with jobs one write per job.
    """

    def __init__(
        self,
        store: StatusStore | None,
        *,
        leader_id: str,
        lock_kind: str,
        jobs: Sequence[Job],
        logger: logging.Logger | None = None,
        metrics: MetricsSink | None = None,
        history_size: int = HISTORY_SIZE,
    ) -> None:
        self.store = store
        self.logger = logger or logging.getLogger("heartbeat.status")
        self.metrics = metrics
        self.history_size = history_size
        self.jobs: dict[str, JobStatus] = {
            job.name: JobStatus(job.interval, job.when, job.target, job.effective_timeout) for job in jobs
        }
        self.doc: dict[str, Any] = {
            "version": STATUS_VERSION,
            "state": "starting",
            "leader": leader_id,
            "lock": lock_kind,
            "fencing_token": None,
            "started_at": None,
            "stopped_at": None,
            "tick": 0,
            "tick_time": None,
            "tick_lateness": None,
            "cadence": None,
            "open_sessions": [],
            "ticks_missed": 0,
            "lock_unavailable_since": None,
            "running_job": None,
            "running_since": None,
            "abandoned_jobs": [],
            "lock_last_outage": None,
            "jobs": {},
        }
        self._store_failed = False
        self._dirty = True
        self.runs_here = 0
        """Runs that returned in this process (the stored counters also include earlier leaders')."""
        self.failures_here = 0

    def resume_slots(self) -> dict[str, int]:
        """Slots a previous leader already ran (same interval only), so a new leader does not repeat them.

        Also adopts the previous document's last runs, history and counters
        (never lowering a counter) and its last tick time, so the status reads
        continuously across a failover.
        """
        if self.store is None:
            return {}
        try:
            previous = self.store.load() or {}
        except Exception as exc:  # a corrupt or unreachable store must not stop a new leader
            self.logger.warning("cannot read previous heartbeat status from %s: %s", self.store.location, exc)
            return {}
        if self.doc.get("tick_time") is None and isinstance(previous.get("tick_time"), (int, float)):
            self.doc["tick_time"] = previous["tick_time"]
        slots: dict[str, int] = {}
        for name, info in (previous.get("jobs") or {}).items():
            mine = self.jobs.get(name)
            if mine is None or not isinstance(info, dict) or info.get("interval") != mine.interval:
                continue
            slot = info.get("last_slot")
            if isinstance(slot, int) and slot > mine.last_slot:
                slots[name] = slot
                mine.last_slot = slot
                mine.last_start = info.get("last_start")
                mine.last_duration = info.get("last_duration")
                mine.last_outcome = info.get("last_outcome")
                mine.last_error = info.get("last_error")
                mine.last_traceback = info.get("last_traceback")
                history = info.get("history")
                if isinstance(history, list):
                    mine.history = [entry for entry in history if isinstance(entry, dict)][-self.history_size :]
            for counter in COUNTERS:
                value = info.get(counter)
                if isinstance(value, int) and not isinstance(value, bool) and value > getattr(mine, counter):
                    setattr(mine, counter, value)
        self._dirty = True
        return slots

    def became_leader(self, fencing_token: int | None, now: float) -> None:
        self.doc.update(state="running", fencing_token=fencing_token, started_at=now, stopped_at=None, abandoned_jobs=[])
        if self.metrics is not None:
            self.metrics.leader(True, fencing_token)
        self._dirty = True
        self.flush()

    def lead_ended(self) -> None:
        """The scheduler stopped running jobs (stop, max ticks, lost lease): only the metrics change here."""
        if self.metrics is not None:
            self.metrics.leader(False, None)

    def tick(
        self, number: int, scheduled: float, cadence: str, open_sessions: Sequence[str], ticks_missed: int, *, lateness: float | None = None
    ) -> None:
        """A tick began (``scheduled`` is its grid time; ``lateness`` how late the loop reached it, in seconds)."""
        self.doc.update(
            tick=number,
            tick_time=scheduled,
            tick_lateness=None if lateness is None else round(lateness, 6),
            cadence=cadence,
            open_sessions=list(open_sessions),
            ticks_missed=ticks_missed,
        )
        if self.metrics is not None and lateness is not None:
            self.metrics.tick(lateness)
        self._dirty = True

    def job_started(self, name: str, start: float) -> None:
        self.jobs[name].running_since = start
        self.doc.update(running_job=name, running_since=start)
        if self.metrics is not None:
            self.metrics.job_started(name)
        self._dirty = True

    def job_timed_out(self, name: str) -> None:
        """The loop stopped waiting for ``name``'s run; it is still running."""
        status = self.jobs[name]
        if not status.past_timeout:
            status.past_timeout = True
            status.timeouts += 1
            if self.metrics is not None:
                self.metrics.job_timed_out(name)
        if self.doc.get("running_job") == name:
            self.doc.update(running_job=None, running_since=None)
        self._dirty = True

    def job_finished(
        self,
        name: str,
        *,
        slot: int,
        start: float,
        duration: float,
        error: str | None,
        overran: bool,
        missed: int,
        traceback: str | None = None,
        timed_out: bool = False,
    ) -> None:
        """A run returned. ``timed_out``: it took longer than its timeout (counted once, also if already reported)."""
        status = self.jobs[name]
        counted = status.past_timeout
        status.last_slot = slot
        status.last_start = start
        status.last_duration = duration
        status.last_outcome = "error" if error else "ok"
        status.last_error = error
        status.last_traceback = traceback
        status.runs += 1
        status.failures += 1 if error else 0
        self.runs_here += 1
        self.failures_here += 1 if error else 0
        status.overruns += 1 if overran else 0
        status.missed_slots += missed
        if timed_out and not counted:
            status.timeouts += 1
        status.running_since = None
        status.past_timeout = False
        status.history.append(
            {
                "slot": slot,
                "start": start,
                "duration": round(duration, 6),
                "outcome": status.last_outcome,
                "error": error,
                "timed_out": timed_out,
            }
        )
        del status.history[: -self.history_size]
        if self.doc.get("running_job") == name:
            self.doc.update(running_job=None, running_since=None)
        if self.metrics is not None:
            self.metrics.job_finished(name, duration=duration, failed=error is not None, timed_out=timed_out and not counted, missed=missed)
        self._dirty = True

    def lock_availability(self, unavailable_since: float | None) -> None:
        """The lock's backend stopped answering at ``unavailable_since`` (wall clock), or answers again (None).

        An outage that ended stays visible as ``lock_last_outage`` (``since``, ``until``, wall clock): while
        Redis is down the status, which lives in Redis, can rarely be written.
        """
        previous = self.doc.get("lock_unavailable_since")
        if previous == unavailable_since:
            return
        if unavailable_since is None and isinstance(previous, (int, float)):
            self.doc["lock_last_outage"] = {"since": previous, "until": time.time()}
        self.doc["lock_unavailable_since"] = unavailable_since
        self._dirty = True

    def stopping(self, now: float) -> None:
        """A stop was requested while a job runs: say so at once (the run may outlive the process)."""
        self.doc.update(state="stopping", stopped_at=None)
        self._dirty = True
        self.flush()

    def stopped(self, now: float, state: str = "stopped") -> None:
        """The loop ended. With a run still going (the process leaves it unfinished) the state stays ``stopping``."""
        running = sorted(name for name, job in self.jobs.items() if job.running_since is not None)
        if running and state == "stopped":
            state = "stopping"
        self.doc.update(state=state, stopped_at=now, abandoned_jobs=running)
        self._dirty = True
        if self.metrics is not None:
            self.metrics.leader(False, None)
        self.flush()

    def snapshot(self) -> dict[str, Any]:
        """The document as plain JSON data (shallow copies: history entries are never changed once appended)."""
        # Not dataclasses.asdict: its recursive deep copy of every history entry cost more than the write itself.
        return {**self.doc, "jobs": {name: {**vars(status), "history": list(status.history)} for name, status in self.jobs.items()}}

    def flush(self) -> None:
        """Save the document if it changed since the last successful save."""
        if self.store is None or not self._dirty:
            return
        try:
            self.store.save(self.snapshot())
        except Exception as exc:
            if not self._store_failed:
                self.logger.warning("cannot write heartbeat status to %s: %s", self.store.location, exc)
            self._store_failed = True
        else:
            self._store_failed = False
            self._dirty = False


def _iso(ts: float | None) -> str:
    if ts is None:
        return "-"
    return dt.datetime.fromtimestamp(ts, dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _ago(ts: float | None, now: float) -> str:
    if ts is None:
        return "never"
    seconds = now - ts
    if seconds < 0:
        return f"in {-seconds:.1f} s"
    if seconds < 120:
        return f"{seconds:.1f} s ago"
    if seconds < 7200:
        return f"{seconds / 60:.1f} min ago"
    return f"{seconds / 3600:.1f} h ago"


def tick_age(status: Mapping[str, Any], now: float) -> float | None:
    """Seconds since the last tick began; before the first tick, since leadership began (or the stop).

    Never None for a document a runner wrote: a leader records ``started_at``
    before its first tick and carries the previous leader's ``tick_time`` over.
    """
    for key in ("tick_time", "started_at", "stopped_at"):
        value = status.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return round(now - value, 3)
    return None


def overdue_jobs(status: Mapping[str, Any], now: float) -> list[dict[str, Any]]:
    """Jobs whose run in progress is older than their timeout: ``{job, running_for, timeout}``."""
    found = []
    for name, job in (status.get("jobs") or {}).items():
        if not isinstance(job, Mapping):
            continue
        since, timeout = job.get("running_since"), job.get("timeout")
        if not isinstance(since, (int, float)):
            continue
        running_for = now - since
        if job.get("past_timeout") or (isinstance(timeout, (int, float)) and running_for > timeout):
            found.append({"job": name, "running_for": round(running_for, 3), "timeout": timeout})
    return found


def problems(status: Mapping[str, Any], now: float, max_age: float | None) -> list[str]:
    """Why a probe with ``--max-age`` fails: a last tick older than ``max_age``, or a job past its timeout.

    Empty when ``max_age`` is None: without the probe flag nothing is judged.
    """
    if max_age is None:
        return []
    found: list[str] = []
    age = tick_age(status, now)
    if age is None or age > max_age:
        found.append("no tick recorded" if age is None else f"last tick {age:.1f} s ago, older than {max_age:g} s")
    for job in overdue_jobs(status, now):
        found.append(f"job {job['job']} running for {job['running_for']:.1f} s, past its timeout of {job['timeout']:g} s")
    return found


def with_age(status: Mapping[str, Any], now: float, max_age: float | None = None) -> dict[str, Any]:
    """The document plus what ``--format json`` adds: ``seconds_since_tick``, ``overdue_jobs``, ``stale``, ``problems``."""
    found = problems(status, now, max_age)
    return {
        **status,
        "seconds_since_tick": tick_age(status, now),
        "overdue_jobs": overdue_jobs(status, now),
        "stale": bool(found),
        "problems": found,
    }


def format_text(status: Mapping[str, Any], now: float, location: str, max_age: float | None = None) -> str:
    """A short human report: state (``stale`` and why, when it is), leader, tick, running job, one row per job."""
    found = problems(status, now, max_age)
    state = str(status.get("state"))
    if found:
        state = f"stale ({state}): " + "; ".join(found)
    lines = [
        f"status:  {state} ({location})",
        f"leader:  {status.get('leader')}  lock={status.get('lock')}  fencing_token={status.get('fencing_token')}",
        f"tick:    #{status.get('tick')} at {_iso(status.get('tick_time'))} ({_ago(status.get('tick_time') or status.get('started_at'), now)}), "
        f"cadence={status.get('cadence')}, ticks_missed={status.get('ticks_missed')}",
    ]
    if status.get("lock_unavailable_since"):
        since = status.get("lock_unavailable_since")
        lines.append(f"lock:    unavailable since {_iso(since)} ({_ago(since, now)})")
    elif isinstance(status.get("lock_last_outage"), Mapping):
        outage = status["lock_last_outage"]
        lines.append(f"lock:    last unavailable {_iso(outage.get('since'))} to {_iso(outage.get('until'))} ({_ago(outage.get('until'), now)})")
    if status.get("running_job"):
        lines.append(f"running: {status.get('running_job')} since {_iso(status.get('running_since'))} ({_ago(status.get('running_since'), now)})")
    if status.get("stopped_at"):
        lines.append(f"stopped: {_iso(status.get('stopped_at'))} ({_ago(status.get('stopped_at'), now)})")
    if status.get("abandoned_jobs"):
        lines.append(f"left unfinished at the stop: {', '.join(status['abandoned_jobs'])}")
    jobs = status.get("jobs") or {}
    header = (
        f"{'job':<20} {'every':>6} {'when':<7} {'last start':<24} {'took':>8} {'outcome':<7} "
        f"{'runs':>5} {'fail':>4} {'over':>4} {'tmo':>4} {'miss':>5}  error"
    )
    lines.append(header)
    for name, job in jobs.items():
        duration = job.get("last_duration")
        took = "-" if duration is None else f"{duration * 1000:.1f}ms"
        outcome = job.get("last_outcome") or "-"
        if job.get("running_since") is not None:
            outcome = "RUNNING" if not job.get("past_timeout") else "TIMEOUT"
        lines.append(
            f"{name:<20} {job.get('interval', 0):>5g}s {job.get('when', ''):<7} {_iso(job.get('last_start')):<24} {took:>8} "
            f"{outcome:<7} {job.get('runs', 0):>5} {job.get('failures', 0):>4} {job.get('overruns', 0):>4} "
            f"{job.get('timeouts', 0):>4} {job.get('missed_slots', 0):>5}  {_one_line(job.get('last_error'))}"
        )
    return "\n".join(lines)


def format_job(status: Mapping[str, Any], name: str, now: float) -> str:
    """One job in detail: schedule, counters, the run in progress, the last traceback and the recent runs."""
    job = (status.get("jobs") or {})[name]
    lines = [
        f"job:      {name} (every {job.get('interval', 0):g} s, when {job.get('when')}, timeout {job.get('timeout')} s, target {job.get('target') or '-'})",
        f"counters: runs={job.get('runs', 0)} failures={job.get('failures', 0)} overruns={job.get('overruns', 0)} "
        f"timeouts={job.get('timeouts', 0)} missed_slots={job.get('missed_slots', 0)}",
    ]
    if job.get("running_since") is not None:
        past = ", PAST ITS TIMEOUT" if any(o["job"] == name for o in overdue_jobs(status, now)) else ""
        lines.append(f"running:  since {_iso(job['running_since'])} ({_ago(job['running_since'], now)}){past}")
    if job.get("last_traceback"):
        lines.append("last traceback:")
        lines.extend("  " + line for line in str(job["last_traceback"]).splitlines())
    history = job.get("history") or []
    lines.append(f"last {count(len(history), 'run')}:")
    lines.append(f"  {'start':<24} {'slot':>12} {'took':>10} {'outcome':<7} {'tmo':<3}  error")
    for run in reversed(history):
        duration = run.get("duration")
        took = "-" if duration is None else f"{duration * 1000:.1f}ms"
        lines.append(
            f"  {_iso(run.get('start')):<24} {run.get('slot', ''):>12} {took:>10} {run.get('outcome') or '-':<7} "
            f"{'yes' if run.get('timed_out') else '':<3}  {_one_line(run.get('error'))}"
        )
    return "\n".join(lines)


def _one_line(text: object) -> str:
    """An error as one short table cell (the stored text is already capped; a table row stays one line)."""
    if not text:
        return ""
    line = str(text).splitlines()[0]
    return line if len(line) <= 160 else line[:157] + "..."
