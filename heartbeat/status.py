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
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

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
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(status, handle, indent=1)
                handle.write("\n")
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
    """Per-job counters and the last run, as stored in the status document."""

    interval: float
    when: str
    target: str | None = None
    last_slot: int = -1
    last_start: float | None = None
    last_duration: float | None = None
    last_outcome: Outcome | None = None
    last_error: str | None = None
    runs: int = 0
    failures: int = 0
    overruns: int = 0
    missed_slots: int = 0


class StatusRecorder:
    """Collects what the scheduler reports and saves it; a failing store is logged, never fatal to the loop."""

    def __init__(
        self,
        store: StatusStore | None,
        *,
        leader_id: str,
        lock_kind: str,
        jobs: Sequence[Job],
        logger: logging.Logger | None = None,
    ) -> None:
        self.store = store
        self.logger = logger or logging.getLogger("heartbeat.status")
        self.jobs: dict[str, JobStatus] = {job.name: JobStatus(job.interval, job.when, job.target) for job in jobs}
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
            "cadence": None,
            "open_sessions": [],
            "ticks_missed": 0,
            "lock_unavailable_since": None,
            "lock_last_outage": None,
            "jobs": {},
        }
        self._store_failed = False

    def resume_slots(self) -> dict[str, int]:
        """Slots a previous leader already ran (same interval only), so a new leader does not repeat them."""
        if self.store is None:
            return {}
        try:
            previous = self.store.load() or {}
        except Exception as exc:  # a corrupt or unreachable store must not stop a new leader
            self.logger.warning("cannot read previous heartbeat status from %s: %s", self.store.location, exc)
            return {}
        slots: dict[str, int] = {}
        for name, info in (previous.get("jobs") or {}).items():
            mine = self.jobs.get(name)
            if mine is not None and isinstance(info, dict) and info.get("interval") == mine.interval:
                slot = info.get("last_slot")
                if isinstance(slot, int):
                    slots[name] = slot
                    mine.last_slot = slot
                    # Keep showing the previous leader's last run; counters restart with this leader.
                    mine.last_start = info.get("last_start")
                    mine.last_duration = info.get("last_duration")
                    mine.last_outcome = info.get("last_outcome")
                    mine.last_error = info.get("last_error")
        return slots

    def became_leader(self, fencing_token: int | None, now: float) -> None:
        self.doc.update(state="running", fencing_token=fencing_token, started_at=now, stopped_at=None)
        self.flush()

    def job_finished(
        self, name: str, *, slot: int, start: float, duration: float, error: str | None, overran: bool, missed: int
    ) -> None:
        status = self.jobs[name]
        status.last_slot = slot
        status.last_start = start
        status.last_duration = duration
        status.last_outcome = "error" if error else "ok"
        status.last_error = error
        status.runs += 1
        status.failures += 1 if error else 0
        status.overruns += 1 if overran else 0
        status.missed_slots += missed

    def lock_availability(self, unavailable_since: float | None) -> None:
        """The lock's backend stopped answering at ``unavailable_since`` (wall clock), or answers again (None).

        An outage that ended stays visible as ``lock_last_outage`` (``since``, ``until``, wall clock): while
        Redis is down the status, which lives in Redis, can rarely be written.
        """
        previous = self.doc.get("lock_unavailable_since")
        if unavailable_since is None and isinstance(previous, (int, float)):
            self.doc["lock_last_outage"] = {"since": previous, "until": time.time()}
        self.doc["lock_unavailable_since"] = unavailable_since

    def tick(self, number: int, scheduled: float, cadence: str, open_sessions: Sequence[str], ticks_missed: int) -> None:
        self.doc.update(tick=number, tick_time=scheduled, cadence=cadence, open_sessions=list(open_sessions), ticks_missed=ticks_missed)

    def stopped(self, now: float, state: str = "stopped") -> None:
        self.doc.update(state=state, stopped_at=now)
        self.flush()

    def snapshot(self) -> dict[str, Any]:
        return {**self.doc, "jobs": {name: asdict(status) for name, status in self.jobs.items()}}

    def flush(self) -> None:
        if self.store is None:
            return
        try:
            self.store.save(self.snapshot())
        except Exception as exc:
            if not self._store_failed:
                self.logger.warning("cannot write heartbeat status to %s: %s", self.store.location, exc)
            self._store_failed = True
        else:
            self._store_failed = False


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


def with_age(status: Mapping[str, Any], now: float) -> dict[str, Any]:
    """The document plus ``seconds_since_tick`` (what ``--format json`` prints)."""
    tick_time = status.get("tick_time")
    age = None if not isinstance(tick_time, (int, float)) else round(now - tick_time, 3)
    return {**status, "seconds_since_tick": age}


def format_text(status: Mapping[str, Any], now: float, location: str) -> str:
    """A short human report: leader line, tick line, one row per job."""
    lines = [
        f"status:  {status.get('state')} ({location})",
        f"leader:  {status.get('leader')}  lock={status.get('lock')}  fencing_token={status.get('fencing_token')}",
        f"tick:    #{status.get('tick')} at {_iso(status.get('tick_time'))} ({_ago(status.get('tick_time'), now)}), "
        f"cadence={status.get('cadence')}, ticks_missed={status.get('ticks_missed')}",
    ]
    if status.get("lock_unavailable_since"):
        since = status.get("lock_unavailable_since")
        lines.append(f"lock:    unavailable since {_iso(since)} ({_ago(since, now)})")
    elif isinstance(status.get("lock_last_outage"), Mapping):
        outage = status["lock_last_outage"]
        lines.append(f"lock:    last unavailable {_iso(outage.get('since'))} to {_iso(outage.get('until'))} ({_ago(outage.get('until'), now)})")
    if status.get("stopped_at"):
        lines.append(f"stopped: {_iso(status.get('stopped_at'))} ({_ago(status.get('stopped_at'), now)})")
    jobs = status.get("jobs") or {}
    header = f"{'job':<20} {'every':>6} {'when':<7} {'last start':<24} {'took':>8} {'outcome':<7} {'runs':>5} {'fail':>4} {'over':>4}  error"
    lines.append(header)
    for name, job in jobs.items():
        duration = job.get("last_duration")
        took = "-" if duration is None else f"{duration * 1000:.1f}ms"
        lines.append(
            f"{name:<20} {job.get('interval', 0):>5g}s {job.get('when', ''):<7} {_iso(job.get('last_start')):<24} {took:>8} "
            f"{job.get('last_outcome') or '-':<7} {job.get('runs', 0):>5} {job.get('failures', 0):>4} {job.get('overruns', 0):>4}  "
            f"{job.get('last_error') or ''}"
        )
    return "\n".join(lines)
