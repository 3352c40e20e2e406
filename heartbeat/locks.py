"""Leader locks: exactly one process runs the jobs, whichever way the others were started.

Three implementations behind :class:`LeaderLock`:

* :class:`FileLeaderLock` - ``fcntl.flock`` on a file; one host; the kernel
  drops the lock when the holder dies, even by SIGKILL.
* :class:`RedisLeaderLock` - ``SET NX PX`` with a random token, renewed from a
  dedicated thread, token-checked Lua to extend, release and claim a job slot,
  a fencing token from ``INCR``; many hosts.
* :class:`NoLock` - development only; every process is a leader.

The scheduler asks :meth:`LeaderLock.lease_valid` and :meth:`LeaderLock.claim`
before every job, so a leader that lost its lease runs nothing more.
"""

from __future__ import annotations

import enum
import fcntl
import json
import logging
import os
import random
import secrets
import socket
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from heartbeat.clock import Clock, SystemClock
from heartbeat.redis_url import RedisUrlError, client_timeout, make_client, parse_redis_url, redact_url, redis_error_reason, scrub
from thor_guard.errors import ThorGuardError
from thor_guard.report.plural import count

if TYPE_CHECKING:
    import redis

__all__ = ["Claim", "FileLeaderLock", "LeaderLock", "LockFileError", "NoLock", "RedisLeaderLock", "redact_url", "redis_client"]

def _redis_failures() -> tuple[type[BaseException], ...]:
    import redis as redis_module

    # ValueError: redis-py reading from a connection whose buffer another thread closed (a stop breaking off calls).
    return (redis_module.RedisError, OSError, ValueError)


SHUTDOWN_TIMEOUT = 0.25
"""Seconds each Redis call may take once the process is stopping: release and the last status write
together stay well under a second whatever Redis does (frozen, partitioned, gone)."""


class LockFileError(ThorGuardError):
    """The lock file cannot be opened (permissions, a symlink in its place)."""


class Claim(enum.Enum):
    """The answer to "may I run job J for slot S now?"."""

    CLAIMED = "claimed"
    DONE = "done"
    """Another leader already ran this slot (Redis remembers claimed slots)."""
    NOT_LEADER = "not-leader"
    UNAVAILABLE = "unavailable"
    """Leadership cannot be proven right now (Redis unreachable); run nothing, retry next tick."""


class LeaderLock(Protocol):
    kind: str
    holder_id: str
    fencing_token: int | None
    on_lost: Callable[[], None] | None
    unavailable_since: float | None
    """Wall-clock time since which the lock's backend has failed every call (None: it answers)."""

    def acquire(self) -> bool:
        """Try once, without blocking; True when this process is now the leader.

        False means another process leads, or - when :attr:`unavailable_since`
        is set - that the backend could not be asked.
        """

    def lease_valid(self) -> bool:
        """Cheap local check: does this process still hold an unexpired lease?"""

    def claim(self, job: str, interval: float, slot: int) -> Claim:
        """Checked before every job run; only ``CLAIMED`` allows the run."""

    def release(self) -> bool:
        """Give up leadership (idempotent) so a standby can take over at once.

        False when the backend could not be told (a Redis lease then expires by itself within its TTL).
        """

    def begin_shutdown(self) -> None:
        """From now on every call is short (at most :data:`SHUTDOWN_TIMEOUT` for a remote lock)."""

    def retry_delay(self) -> float:
        """How long a standby waits before trying :meth:`acquire` again."""

    def describe(self) -> str:
        """A one-line description for logs (no secrets)."""


def holder_identity() -> str:
    """``host:pid`` - what status and logs call this process."""
    return f"{socket.gethostname()}:{os.getpid()}"


class NoLock:
    """Every process leads. For a single development process only; the runner logs a warning."""

    kind = "none"
    unavailable_since: float | None = None

    def __init__(self, holder_id: str | None = None, poll: float = 1.0) -> None:
        self.holder_id = holder_id or holder_identity()
        self.fencing_token: int | None = None
        self.on_lost: Callable[[], None] | None = None
        self._held = False
        self._poll = poll

    def acquire(self) -> bool:
        self._held = True
        return True

    def lease_valid(self) -> bool:
        return self._held

    def claim(self, job: str, interval: float, slot: int) -> Claim:
        return Claim.CLAIMED if self._held else Claim.NOT_LEADER

    def release(self) -> bool:
        self._held = False
        return True

    def begin_shutdown(self) -> None:
        """Nothing to shorten."""

    def retry_delay(self) -> float:
        return self._poll

    def describe(self) -> str:
        return "no lock (development only: every process runs every job)"


class FileLeaderLock:
    """``flock(LOCK_EX | LOCK_NB)`` on ``path``. The file is never deleted (deleting a flock file races).

    The file holds the last holder, a fencing token that grows by one on
    every acquisition, and the last slot claimed per job. A claim is written
    to the file *before* the job runs (as the Redis lock records it in
    Redis), so a successor that takes over after the holder died mid-job
    skips that slot: at most once per slot, for both locks.
    """

    kind = "file"
    unavailable_since: float | None = None
    """A local file lock is never "unavailable": it is held, free, or cannot be opened (an error at start)."""

    def __init__(self, path: Path, *, holder_id: str | None = None, poll: float = 0.5) -> None:
        self.path = Path(path)
        self.holder_id = holder_id or holder_identity()
        self.fencing_token: int | None = None
        self.on_lost: Callable[[], None] | None = None
        self._fd: int | None = None
        self._poll = poll
        self._random = random.Random()
        self._slots: dict[str, int] = {}

    def acquire(self) -> bool:
        if self._fd is not None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # O_NOFOLLOW: the default directory (/run/lock) is shared, where a planted symlink must not redirect us.
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
        except OSError as exc:
            raise LockFileError(f"cannot open the heartbeat lock file: {exc.strerror or exc}; set lock-path to a writable file", self.path) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (BlockingIOError, PermissionError):
            os.close(fd)
            return False
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        token, slots = self._read_record(fd)
        self.fencing_token = token + 1
        self._slots = slots
        self._write_record()
        return True

    @staticmethod
    def _read_record(fd: int) -> tuple[int, dict[str, int]]:
        os.lseek(fd, 0, os.SEEK_SET)
        chunks = []
        while chunk := os.read(fd, 65536):
            chunks.append(chunk)
        try:
            record = json.loads(b"".join(chunks).decode() or "{}")
        except (ValueError, UnicodeDecodeError):
            return 0, {}
        if not isinstance(record, dict):
            return 0, {}
        token = record.get("fencing_token", 0)
        raw_slots = record.get("slots")
        slots = {
            str(k): v for k, v in (raw_slots.items() if isinstance(raw_slots, dict) else ()) if isinstance(v, int) and not isinstance(v, bool)
        }
        return (token if isinstance(token, int) and not isinstance(token, bool) else 0), slots

    def _write_record(self) -> None:
        """Rewrite the record in place: one ``pwrite`` then a truncate, so a SIGKILL leaves a whole record."""
        assert self._fd is not None
        record = json.dumps({"holder": self.holder_id, "fencing_token": self.fencing_token, "slots": self._slots}) + "\n"
        data = record.encode()
        os.pwrite(self._fd, data, 0)
        os.ftruncate(self._fd, len(data))

    def lease_valid(self) -> bool:
        return self._fd is not None

    def claim(self, job: str, interval: float, slot: int) -> Claim:
        if self._fd is None:
            return Claim.NOT_LEADER
        name = f"{job}@{interval:g}"
        if slot <= self._slots.get(name, -1):
            return Claim.DONE
        self._slots[name] = slot
        try:
            self._write_record()
        except OSError as exc:  # a full or read-only disk: leadership cannot be recorded, so run nothing
            self._slots[name] = slot - 1
            logging.getLogger("heartbeat.lock").warning("cannot record the claim in %s: %s", self.path, exc)
            return Claim.UNAVAILABLE
        return Claim.CLAIMED

    def begin_shutdown(self) -> None:
        """Nothing to shorten: every file-lock call is local."""

    def release(self) -> bool:
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)
        return True

    def retry_delay(self) -> float:
        return self._poll * self._random.uniform(0.8, 1.0)

    def describe(self) -> str:
        return f"file lock {self.path}"


# Acquire and draw a fencing token in one step. The token is INCR of a counter,
# but never below the caller's wall clock in milliseconds, so it keeps growing
# even after Redis restarts without persistence and forgets the counter.
_ACQUIRE = """
if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  local token = redis.call('incr', KEYS[2])
  local floor = tonumber(ARGV[3])
  if token < floor then
    redis.call('set', KEYS[2], ARGV[3])
    token = floor
  end
  if redis.call('exists', KEYS[3]) == 0 then
    redis.call('hset', KEYS[3], '~since', ARGV[4])
  end
  return token
end
return 0
"""
_EXTEND = """
if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('pexpire', KEYS[1], ARGV[2])
end
return 0
"""
_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('del', KEYS[1])
end
return 0
"""
# Run a job slot at most once across leaders: only the token holder may record
# a slot, and only a slot later than the last one recorded for that job. When
# the slot history was lost (Redis restarted without persistence, FLUSHALL,
# eviction), the acquirer stamped '~since' with its clock: a slot that began
# before that may already have run under the previous leader, so it counts as
# done and the job runs again from its next slot (at most once, not at least once).
_CLAIM = """
if redis.call('get', KEYS[1]) ~= ARGV[1] then
  return 0
end
local last = tonumber(redis.call('hget', KEYS[2], ARGV[2]) or '-1')
local slot = tonumber(ARGV[3])
if slot <= last then
  return -1
end
if tonumber(ARGV[4]) < tonumber(redis.call('hget', KEYS[2], '~since') or '0') then
  return -1
end
redis.call('hset', KEYS[2], ARGV[2], ARGV[3])
return 1
"""


class RedisLeaderLock:
    """A lease in Redis, renewed from its own thread, checked locally before every job.

    ``lease_valid`` compares the local monotonic clock with a deadline set
    from the moment each successful SET/PEXPIRE was *sent* (minus a drift
    margin), so a leader that is paused, partitioned or whose key vanished
    stops by itself at the latest when its lease would have expired.

    ``key`` is used as given; the keys beside it (``:fencing``, ``:slots``)
    share its Redis Cluster hash tag when it has one (the runner passes a
    hash-tagged key, see :attr:`heartbeat.settings.HeartbeatSettings.redis_key`).
    """

    kind = "redis"
    REPORT_MAX = 60.0
    """Longest pause (seconds) between two "Redis unavailable" lines while an outage lasts."""

    def __init__(
        self,
        client: redis.Redis,
        key: str,
        *,
        ttl: float,
        renew_interval: float | None = None,
        retry_interval: float | None = None,
        holder_id: str | None = None,
        clock: Clock | None = None,
        logger: logging.Logger | None = None,
        url_for_logs: str = "redis",
    ) -> None:
        if ttl <= 0:
            raise ValueError("ttl must be positive")
        self.client = client
        self.key = key
        self.counter_key = f"{key}:fencing"
        self.slots_key = f"{key}:slots"
        self.ttl = ttl
        self.renew_interval = renew_interval if renew_interval is not None else ttl / 3.0
        self.retry_interval = retry_interval if retry_interval is not None else ttl / 2.0
        self.holder_id = holder_id or holder_identity()
        self.clock = clock or SystemClock()
        self.logger = logger or logging.getLogger("heartbeat.lock")
        self.url_for_logs = url_for_logs
        self.fencing_token: int | None = None
        self.on_lost: Callable[[], None] | None = None
        self.on_availability: Callable[[float | None], None] | None = None
        """Called with the outage's start (wall clock) when Redis stops answering, and with None when it answers again."""
        self.unavailable_since: float | None = None
        self._outage_started = 0.0
        self._outage_failures = 0
        self._next_report = 0.0
        self._availability = threading.Lock()
        self._margin = ttl * 0.01 + 0.002
        self._token: str | None = None
        self._deadline = float("-inf")
        self._renewer: threading.Thread | None = None
        self._renew_stop = threading.Event()
        self._guard = threading.Lock()
        self._random = random.Random()
        self._shutdown_client: redis.Redis | None = None
        self._stopping = False
        self._seen_state = False
        """Whether this process has seen Redis hold the lock (a missing slot history then means lost data)."""
        # Registered once; redis-py re-loads a script after NOSCRIPT (e.g. a Redis restart).
        self._acquire_script = client.register_script(_ACQUIRE)
        self._extend_script = client.register_script(_EXTEND)
        self._release_script = client.register_script(_RELEASE)
        self._claim_script = client.register_script(_CLAIM)

    @property
    def ttl_ms(self) -> int:
        return max(1, int(self.ttl * 1000))

    def acquire(self) -> bool:

        if self._token is not None and self.lease_valid():
            return True
        self._stop_renewer()
        token = f"{self.holder_id}:{secrets.token_hex(8)}"
        sent = self.clock.monotonic()
        floor_ms = int(self.clock.time() * 1000)
        # A cold start (nobody ever seen holding the lock) may run the current slots at once;
        # after lost data the history is unknown, so only slots that begin from now on run.
        since_ms = floor_ms if self._seen_state else 0
        try:
            fencing = int(
                self._acquire_script(
                    keys=[self.key, self.counter_key, self.slots_key], args=[token, self.ttl_ms, floor_ms, since_ms]
                )
            )
        except _redis_failures() as exc:
            self._log_unavailable("cannot try to acquire", exc)
            return False
        self._mark_available()
        self._seen_state = True  # held by someone else, or by us from now on
        if fencing <= 0:
            return False
        with self._guard:
            self._token = token
            self.fencing_token = fencing
            self._deadline = sent + self.ttl - self._margin
        self._renew_stop = threading.Event()
        self._renewer = threading.Thread(
            target=self._renew_loop, args=(token, self._renew_stop), name="heartbeat-lease-renewal", daemon=True
        )
        self._renewer.start()
        return True

    def lease_valid(self) -> bool:
        return self._token is not None and self.clock.monotonic() < self._deadline

    def lease_remaining(self) -> float:
        return max(0.0, self._deadline - self.clock.monotonic()) if self._token is not None else 0.0

    def claim(self, job: str, interval: float, slot: int) -> Claim:

        token = self._token
        if token is None or not self.lease_valid():
            return Claim.NOT_LEADER
        try:
            slot_start_ms = int(slot * interval * 1000)
            answer = int(
                self._claim_script(keys=[self.key, self.slots_key], args=[token, f"{job}@{interval:g}", slot, slot_start_ms])
            )
        except _redis_failures() as exc:
            self._log_unavailable("cannot confirm leadership before a job", exc)
            return Claim.UNAVAILABLE
        self._mark_available()
        if answer == 1:
            return Claim.CLAIMED
        if answer == -1:
            return Claim.DONE
        self._lose(token, "the lock key is gone or held by another process")
        return Claim.NOT_LEADER

    @property
    def shutdown_client(self) -> redis.Redis:
        """A second client whose every call gives up after :data:`SHUTDOWN_TIMEOUT` (the status store uses it too)."""
        if self._shutdown_client is None:
            try:
                self._shutdown_client = make_client(self.url_for_logs, timeout=SHUTDOWN_TIMEOUT)
            except RedisUrlError:  # a lock built on a client without a URL: keep that client
                self._shutdown_client = self.client
        return self._shutdown_client

    def begin_shutdown(self) -> None:
        """Switch release (and the status store, which the runner points at :attr:`shutdown_client`) to short timeouts."""
        self._stopping = True
        self.shutdown_client  # noqa: B018 - built now, while nothing is urgent
        # The renewal goes on: a job finishing within the stop grace must keep the lease until release().

    def abort_calls(self) -> None:
        """Break every call in flight on the main client (the scheduler's or the renewer's): they fail at once.

        Used when a stop is requested while a thread waits on a Redis that does
        not answer; ``shutdown(SHUT_RDWR)`` on the sockets wakes those threads.
        """
        pool = self.client.connection_pool
        in_use = getattr(pool, "_in_use_connections", None)
        try:
            if in_use is None:  # another redis-py: closing is the public way, and also wakes the callers
                pool.disconnect()
                return
            for connection in list(in_use):
                sock = getattr(connection, "_sock", None)
                if sock is not None:
                    # shutdown, not close: the blocked recv returns at once and redis-py raises its own
                    # ConnectionError ("closed by server"), while the buffers it reads stay valid.
                    sock.shutdown(socket.SHUT_RDWR)
        except Exception as exc:  # best effort on the way out
            self.logger.debug("could not break off the Redis calls: %s", exc)

    def release(self) -> bool:
        """Delete the key if it is still ours; False when Redis could not be asked (the key then expires within the TTL)."""
        self._stop_renewer(timeout=SHUTDOWN_TIMEOUT if self._stopping else None)
        with self._guard:
            token, self._token = self._token, None
            self._deadline = float("-inf")
        if token is None:
            return True
        client = self.shutdown_client if self._stopping else self.client
        try:
            self._release_script(keys=[self.key], args=[token], client=client)
        except _redis_failures() as exc:
            self.logger.warning(
                "could not release %s (%s); it expires within %.3g s", self.key, scrub(str(exc), self.url_for_logs), self.ttl
            )
            return False
        return True

    def retry_delay(self) -> float:
        return self.retry_interval * self._random.uniform(0.8, 1.0)

    def describe(self) -> str:
        return f"redis lock {self.key} at {redact_url(self.url_for_logs)} (ttl {self.ttl:g} s, renew every {self.renew_interval:.3g} s)"

    def _log_unavailable(self, what: str, exc: BaseException) -> None:
        """Log an outage at once, then with back-off (1, 2, 4 … 60 s apart) for as long as it lasts."""
        now = self.clock.monotonic()
        with self._availability:
            self._outage_failures += 1
            started = self.unavailable_since is None
            if started:
                self.unavailable_since = self.clock.time()
                self._outage_started = now
                self._next_report = now
            if now < self._next_report:
                return
            elapsed = now - self._outage_started
            self._next_report = now + min(self.REPORT_MAX, max(1.0, elapsed))
            failures = self._outage_failures
        reason = _explain(exc, self.url_for_logs)
        if started:
            self.logger.warning("Redis unavailable, %s: %s", what, reason)
        else:
            self.logger.warning(
                "Redis unavailable for %.1f s (%s), %s: %s", elapsed, count(failures, "failed call"), what, reason
            )
        callback = self.on_availability
        if started and callback is not None:
            callback(self.unavailable_since)

    def _mark_available(self) -> None:
        if self.unavailable_since is None:
            return
        with self._availability:
            if self.unavailable_since is None:
                return
            elapsed = self.clock.monotonic() - self._outage_started
            failures = self._outage_failures
            self.unavailable_since = None
            self._outage_failures = 0
        self.logger.info("Redis available again after %.1f s (%s)", elapsed, count(failures, "failed call"))
        callback = self.on_availability
        if callback is not None:
            callback(None)

    def _lose(self, token: str, reason: str) -> None:
        with self._guard:
            if self._token != token:
                return
            self._deadline = float("-inf")
        if not self._stopping:
            self.logger.warning("Leadership lost (%s); no further job runs until the lock is re-acquired", reason)
        callback = self.on_lost
        if callback is not None:
            callback()

    def _stop_renewer(self, timeout: float | None = None) -> None:
        self._renew_stop.set()
        renewer, self._renewer = self._renewer, None
        if renewer is not None and renewer is not threading.current_thread():
            # A renewal in flight ends within one socket timeout; the thread is a daemon either way.
            renewer.join(timeout=timeout if timeout is not None else 5.0)

    def _renew_loop(self, token: str, stop: threading.Event) -> None:

        delay = self.renew_interval
        while not stop.wait(delay):
            sent = self.clock.monotonic()
            try:
                extended = int(self._extend_script(keys=[self.key], args=[token, self.ttl_ms]))
            except _redis_failures() as exc:
                if stop.is_set():
                    return
                self._log_unavailable("cannot renew the lease", exc)
                if sent >= self._deadline:
                    self._lose(token, "the lease expired while Redis was unreachable")
                    return
                delay = max(0.01, min(self.renew_interval, (self._deadline - sent) / 3.0))
                continue
            if stop.is_set():
                return
            if extended != 1:
                self._lose(token, "the lock key is gone or held by another process")
                return
            self._mark_available()
            with self._guard:
                if self._token == token:
                    self._deadline = sent + self.ttl - self._margin
            delay = self.renew_interval


def _explain(exc: BaseException, url: str) -> str:
    """The reason part of :func:`~heartbeat.redis_url.explain_redis_error`, for a lock log line."""
    try:
        parsed = parse_redis_url(url)
    except RedisUrlError:
        return scrub(str(exc), url)
    return redis_error_reason(exc, parsed)


def redis_client(url: str, *, ttl: float) -> redis.Redis:
    """A client for a validated URL whose socket timeouts are short against the lease (see :func:`client_timeout`).

    Raises :class:`~heartbeat.redis_url.RedisUrlError` (exit 2) for a malformed URL.
    """
    return make_client(url, timeout=client_timeout(ttl))
