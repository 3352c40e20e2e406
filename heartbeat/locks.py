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
from urllib.parse import urlsplit, urlunsplit

from heartbeat.clock import Clock, SystemClock
from thor_guard.errors import ThorGuardError

if TYPE_CHECKING:
    import redis


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

    def acquire(self) -> bool:
        """Try once, without blocking; True when this process is now the leader."""

    def lease_valid(self) -> bool:
        """Cheap local check: does this process still hold an unexpired lease?"""

    def claim(self, job: str, interval: float, slot: int) -> Claim:
        """Checked before every job run; only ``CLAIMED`` allows the run."""

    def release(self) -> None:
        """Give up leadership (idempotent) so a standby can take over at once."""

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

    def release(self) -> None:
        self._held = False

    def retry_delay(self) -> float:
        return self._poll

    def describe(self) -> str:
        return "no lock (development only: every process runs every job)"


class FileLeaderLock:
    """``flock(LOCK_EX | LOCK_NB)`` on ``path``. The file is never deleted (deleting a flock file races).

    The file holds the last holder and a fencing token that grows by one on
    every acquisition (read and rewritten while the lock is held).
    """

    kind = "file"

    def __init__(self, path: Path, *, holder_id: str | None = None, poll: float = 0.5) -> None:
        self.path = Path(path)
        self.holder_id = holder_id or holder_identity()
        self.fencing_token: int | None = None
        self.on_lost: Callable[[], None] | None = None
        self._fd: int | None = None
        self._poll = poll
        self._random = random.Random()

    def acquire(self) -> bool:
        if self._fd is not None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # O_NOFOLLOW: the default path is in a shared temp dir, where a planted symlink must not redirect us.
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
        self.fencing_token = self._read_token(fd) + 1
        record = json.dumps({"holder": self.holder_id, "fencing_token": self.fencing_token}) + "\n"
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, record.encode())
        return True

    @staticmethod
    def _read_token(fd: int) -> int:
        os.lseek(fd, 0, os.SEEK_SET)
        raw = os.read(fd, 4096)
        try:
            token = json.loads(raw.decode() or "{}").get("fencing_token", 0)
        except (ValueError, UnicodeDecodeError, AttributeError):
            return 0
        return token if isinstance(token, int) and not isinstance(token, bool) else 0

    def lease_valid(self) -> bool:
        return self._fd is not None

    def claim(self, job: str, interval: float, slot: int) -> Claim:
        return Claim.CLAIMED if self._fd is not None else Claim.NOT_LEADER

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)

    def retry_delay(self) -> float:
        return self._poll * self._random.uniform(0.8, 1.0)

    def describe(self) -> str:
        return f"file lock {self.path}"


def redact_url(url: str) -> str:
    """``redis://user:secret@host`` -> ``redis://user:***@host``: passwords never reach a log."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    userinfo = f"{parts.username}:***" if parts.username else ":***"
    host = parts.hostname or ""
    netloc = f"{userinfo}@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


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
    """

    kind = "redis"

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
        self._margin = ttl * 0.01 + 0.002
        self._token: str | None = None
        self._deadline = float("-inf")
        self._renewer: threading.Thread | None = None
        self._renew_stop = threading.Event()
        self._guard = threading.Lock()
        self._random = random.Random()
        self._unavailable_logged = False
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
        import redis as redis_module

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
        except redis_module.RedisError as exc:
            self._log_unavailable("cannot try to acquire", exc)
            return False
        self._unavailable_logged = False
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
        import redis as redis_module

        token = self._token
        if token is None or not self.lease_valid():
            return Claim.NOT_LEADER
        try:
            slot_start_ms = int(slot * interval * 1000)
            answer = int(
                self._claim_script(keys=[self.key, self.slots_key], args=[token, f"{job}@{interval:g}", slot, slot_start_ms])
            )
        except redis_module.RedisError as exc:
            self._log_unavailable("cannot confirm leadership before a job", exc)
            return Claim.UNAVAILABLE
        if answer == 1:
            return Claim.CLAIMED
        if answer == -1:
            return Claim.DONE
        self._lose(token, "the lock key is gone or held by another process")
        return Claim.NOT_LEADER

    def release(self) -> None:
        import redis as redis_module

        self._stop_renewer()
        with self._guard:
            token, self._token = self._token, None
            self._deadline = float("-inf")
        if token is None:
            return
        try:
            self._release_script(keys=[self.key], args=[token])
        except redis_module.RedisError as exc:
            self.logger.warning("could not release %s (%s); it expires within %.3g s", self.key, exc, self.ttl)

    def retry_delay(self) -> float:
        return self.retry_interval * self._random.uniform(0.8, 1.0)

    def describe(self) -> str:
        return f"redis lock {self.key} at {redact_url(self.url_for_logs)} (ttl {self.ttl:g} s, renew every {self.renew_interval:.3g} s)"

    def _log_unavailable(self, what: str, exc: Exception) -> None:
        if not self._unavailable_logged:
            self._unavailable_logged = True
            self.logger.warning("Redis unavailable, %s: %s", what, exc)

    def _lose(self, token: str, reason: str) -> None:
        with self._guard:
            if self._token != token:
                return
            self._deadline = float("-inf")
        self.logger.warning("Leadership lost (%s); no further job runs until the lock is re-acquired", reason)
        callback = self.on_lost
        if callback is not None:
            callback()

    def _stop_renewer(self) -> None:
        self._renew_stop.set()
        renewer, self._renewer = self._renewer, None
        if renewer is not None and renewer is not threading.current_thread():
            renewer.join(timeout=5.0)

    def _renew_loop(self, token: str, stop: threading.Event) -> None:
        import redis as redis_module

        delay = self.renew_interval
        while not stop.wait(delay):
            sent = self.clock.monotonic()
            try:
                extended = int(self._extend_script(keys=[self.key], args=[token, self.ttl_ms]))
            except redis_module.RedisError as exc:
                self._log_unavailable("cannot renew the lease", exc)
                if sent >= self._deadline:
                    self._lose(token, "the lease expired while Redis was unreachable")
                    return
                delay = max(0.01, min(self.renew_interval, (self._deadline - sent) / 3.0))
                continue
            if extended != 1:
                self._lose(token, "the lock key is gone or held by another process")
                return
            self._unavailable_logged = False
            with self._guard:
                if self._token == token:
                    self._deadline = sent + self.ttl - self._margin
            delay = self.renew_interval


def redis_client(url: str, *, ttl: float) -> redis.Redis:
    """A client whose socket timeouts are short against the lease, so a hung Redis cannot hold a job hostage."""
    import redis as redis_module
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    timeout = max(0.05, min(ttl / 4.0, 2.0))
    # No client-side retries: a failed call must fail within one timeout, and the
    # lease logic (not the client) decides what an outage means.
    return redis_module.Redis.from_url(
        url, socket_timeout=timeout, socket_connect_timeout=timeout, retry=Retry(NoBackoff(), 0), retry_on_timeout=False
    )
