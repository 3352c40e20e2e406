"""The one runner behind ``thor-guard run-heartbeat`` and ``manage.py run_heartbeat``.

It turns validated settings into jobs, a cadence, a lock and a status store,
then runs the scheduler in its own thread while the main thread only waits
for signals. Signal handlers set flags and nothing else; the main thread
acts on them, also when the process is PID 1 in a container (explicit
handlers, no defaults). A leader that loses its lease goes back to standby;
the lock is released on every way out the process controls.

There is one stop mechanism: :meth:`Scheduler.request_stop` with a grace.
The scheduler never runs a job itself (jobs run on a worker thread), so it
ends its loop by itself once the running job returns, its ``timeout``
passes, or the grace runs out, whichever comes first; whatever is still
running is left (:attr:`Scheduler.abandoned_jobs`), the status says
``stopping`` and lists it in ``abandoned_jobs``.

* SIGTERM, SIGINT, SIGHUP, SIGUSR2: stop with ``stop-grace`` seconds of
  grace; status ``stopped``, lock released, exit 0 - or exit 1 when a job was
  left running. SIGHUP does not reload anything.
* SIGQUIT, or a second stop signal: stop with no grace; exit 128 + signal.
* SIGUSR1: log every thread's stack (what is the hung job doing?) and go on.

Once stopping, every Redis call has a short timeout (see
:data:`heartbeat.locks.SHUTDOWN_TIMEOUT`) and calls already waiting on a
Redis that does not answer are broken off, so a stop takes about a second
at most whatever Redis does. A backstop (:data:`STOP_BACKSTOP`) covers a
loop stuck outside any job.
"""

from __future__ import annotations

import logging
import os
import select
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import FrameType
from typing import Any

from heartbeat.cadence import Cadence, PredicateCadence, SessionCadence
from heartbeat.clock import Clock, SystemClock
from heartbeat.jobs import DEFAULT_JOBS, Job, build_jobs, job_table, resolve_target, unbound
from heartbeat.locks import FileLeaderLock, LeaderLock, NoLock, RedisLeaderLock, holder_identity
from heartbeat.redis_url import client_timeout, make_client, parse_redis_url, probe, redis_error_reason
from heartbeat.scheduler import Scheduler, StopReason
from heartbeat.settings import HeartbeatSettings, LockKind, apply_overrides, django_table, merge_tables, parse_settings
from heartbeat.status import FileStatusStore, MetricsSink, RedisStatusStore, StatusRecorder, StatusStore
from thor_guard.report.plural import count
from thor_guard.config import Config, read_toml, tool_table
from thor_guard.errors import ConfigError, ThorGuardError

LOGGER_NAME = "heartbeat"
STOP_SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP", "SIGUSR2")
QUICK_STOP_SIGNALS = ("SIGQUIT",)
DUMP_SIGNALS = ("SIGUSR1",)
ABORT_REDIS_AFTER = 0.1
"""Seconds a stop waits for the scheduler thread, when no job runs, before breaking off its Redis calls."""
STOP_BACKSTOP = 2.0
"""Seconds past ``stop-grace`` (past the request, for a quick stop) after which the main thread stops waiting
for a scheduler thread stuck outside any job, releases the lock and exits."""



class SetupError(ThorGuardError):
    """The configured ``setup`` hook failed."""


def add_source_roots(config: Config) -> None:
    """Make ``module:qualname`` targets importable relative to the project, as they are written."""
    for root in reversed(config.source_roots):
        text = str(root)
        if text not in sys.path:
            sys.path.insert(0, text)


def setup_django(settings_module: str, project_root: Path) -> None:
    """Configure Django for ``--settings`` / ``django-settings`` (idempotent)."""
    try:
        import django
        from django.conf import settings as django_settings
    except ImportError as exc:
        raise ConfigError("Django is not installed; install it with: pip install 'thor-guard[django]'") from exc
    if str(project_root) not in sys.path:
        sys.path.insert(0, str(project_root))
    if django_settings.configured:
        return
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    try:
        django.setup()
    except ImportError as exc:
        raise ConfigError(f"cannot import Django settings module '{settings_module}': {exc}") from exc


def django_settings_module(config: Config, explicit: str | None) -> str | None:
    """``--settings`` wins, then ``django-settings`` in the heartbeat table, then ``DJANGO_SETTINGS_MODULE``."""
    if explicit:
        return explicit
    configured = merge_tables(config.heartbeat).get("django-settings")
    if isinstance(configured, str) and configured.strip():
        return configured.strip()
    return os.environ.get("DJANGO_SETTINGS_MODULE") or None


def config_facts(config: Config) -> tuple[str | None, str | None]:
    """``(preset, package name)`` as written in the configuration file: the top-level ``preset`` only when
    it is named explicitly (the verifier's default does not choose jobs), and ``[project] name``."""
    if config.config_file is None:
        return None, None
    document = read_toml(config.config_file)
    is_pyproject = "tool" in document or config.config_file.name == "pyproject.toml"
    table = tool_table(document, config.config_file) if is_pyproject else document
    preset = table.get("preset") if isinstance(table.get("preset"), str) else None
    project = document.get("project") if is_pyproject else None
    name = project.get("name") if isinstance(project, Mapping) else None
    return preset, name if isinstance(name, str) and name.strip() else None


def load_settings(config: Config, *, with_django: bool) -> HeartbeatSettings:
    """pyproject's heartbeat table, overlaid key by key by ``settings.THOR_HEARTBEAT`` when Django is configured."""
    table = merge_tables(config.heartbeat)
    if with_django:
        table = merge_tables(table, django_table())
    preset, package = config_facts(config)
    return parse_settings(table, project_root=config.project_root, source=config.config_file, preset=preset, package_name=package)


def build_cadence(settings: HeartbeatSettings) -> Cadence:
    if settings.cadence:
        predicate = resolve_target(settings.cadence, job="cadence", source=settings.source, what="heartbeat 'cadence'")
        return PredicateCadence(predicate, name=settings.cadence)  # type: ignore[arg-type]
    if not settings.sessions:
        raise ConfigError(
            "no market sessions configured: add [[tool.thor-guard.heartbeat.sessions]] tables or "
            "cadence = \"module:qualname\" (e.g. \"heartbeat.cadence:always_open\")",
            settings.source,
        )
    return SessionCadence(settings.sessions)


def _redis_url(settings: HeartbeatSettings, what: str) -> str:
    url = settings.resolved_redis_url()
    if not url:
        raise ConfigError(f"{what} needs a Redis URL: set redis-url in the heartbeat table, --redis-url, or THOR_HEARTBEAT_REDIS_URL", settings.source)
    return url


def build_lock(
    settings: HeartbeatSettings, *, clock: Clock, logger: logging.Logger, check_redis: bool = True
) -> tuple[LeaderLock, StatusStore]:
    """The configured lock and the status store that goes with it (Redis beside Redis, a file beside a file).

    With the Redis lock the URL is validated (:class:`~heartbeat.redis_url.RedisUrlError`) and, when
    ``check_redis``, Redis is asked once: authentication, TLS, DNS, a refused or silent port are a
    :class:`~heartbeat.redis_url.RedisUnavailableError` here - exit 2 at start-up, never a silent standby.
    """
    holder = holder_identity()
    standby_poll = min(settings.fast_tick, 1.0)
    if settings.lock == "redis":
        url = _redis_url(settings, 'lock = "redis"')
        parsed = parse_redis_url(url)
        timeout = client_timeout(settings.lock_ttl)
        client = make_client(parsed, timeout=timeout)
        if check_redis:
            probe(client, parsed, timeout=timeout)
        lock: LeaderLock = RedisLeaderLock(
            client,
            settings.redis_key,
            ttl=settings.lock_ttl,
            renew_interval=settings.renew_interval,
            retry_interval=min(settings.lock_ttl / 2.0, settings.fast_tick),
            holder_id=holder,
            clock=clock,
            logger=logger.getChild("lock"),
            url_for_logs=url,
        )
        return lock, RedisStatusStore(client, settings.redis_key + ":status", url_for_logs=url)
    store = FileStatusStore(settings.resolved_status_path, mode=settings.status_mode)
    if settings.lock == "none":
        return NoLock(holder, poll=standby_poll), store
    return FileLeaderLock(settings.resolved_lock_path, holder_id=holder, poll=standby_poll), store


def status_store_for(settings: HeartbeatSettings) -> StatusStore:
    """The store ``heartbeat-status`` reads: the one the runner with these settings writes (the URL is validated)."""
    if settings.lock == "redis":
        url = _redis_url(settings, "the Redis status")
        return RedisStatusStore(make_client(url, timeout=client_timeout(settings.lock_ttl)), settings.redis_key + ":status", url_for_logs=url)
    return FileStatusStore(settings.resolved_status_path, mode=settings.status_mode)


def describe_store_error(exc: BaseException, settings: HeartbeatSettings) -> str:
    """Why the status could not be read, in one line without secrets (Redis errors explained)."""
    if settings.lock == "redis":
        url = settings.resolved_redis_url()
        if url:
            parsed = parse_redis_url(url)
            return "Redis unavailable: " + redis_error_reason(exc, parsed, timeout=client_timeout(settings.lock_ttl))
    return str(exc)


def configure_logging(level: str | int = "info") -> None:
    """Log to stderr unless the application (e.g. Django's LOGGING, pytest) already routes the ``heartbeat`` logger."""
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(level.upper() if isinstance(level, str) else level)
    ours = [h for h in logger.handlers if getattr(h, "_thor_guard_heartbeat", False)]
    if ours:
        for handler in ours:  # a later run in the same process (tests) may have a new sys.stderr
            if isinstance(handler, logging.StreamHandler):
                handler.setStream(sys.stderr)
        return
    if logger.handlers or logging.getLogger().handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s"))
    handler._thor_guard_heartbeat = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.propagate = False


class _OneStrikeStore:
    """A status store for the way out: after one failed write it skips the rest, so a Redis that does not
    answer costs one short timeout, not one per remaining write (tick, job, ``stopped``)."""

    def __init__(self, store: StatusStore) -> None:
        self.inner = store
        self.location = store.location
        self.failed = False

    def load(self) -> dict[str, Any] | None:
        return self.inner.load()

    def save(self, status: Mapping[str, Any]) -> None:
        if self.failed:
            raise ConnectionError("skipped while stopping: the status store did not answer")
        try:
            self.inner.save(status)
        except Exception:
            self.failed = True
            raise


@dataclass(frozen=True)
class RunOptions:
    """What the two entry points pass on, after their own flag parsing."""

    fast_tick: float | None = None
    slow_tick: float | None = None
    lock: LockKind | None = None
    redis_url: str | None = None
    max_ticks: int | None = None
    allow_unbound: bool = False
    metrics_port: int | None = None
    """Serve Prometheus metrics on this port (``heartbeat.metrics``; needs the ``metrics`` extra)."""
    metrics_address: str = "0.0.0.0"
    """The local address the metrics port listens on (``0.0.0.0``: every IPv4 interface)."""


class HeartbeatRunner:
    """Owns one scheduler, one lock and one status recorder for the life of the process."""

    def __init__(
        self,
        settings: HeartbeatSettings,
        jobs: Sequence[Job],
        *,
        cadence: Cadence,
        lock: LeaderLock,
        store: StatusStore | None,
        clock: Clock | None = None,
        logger: logging.Logger | None = None,
        max_ticks: int | None = None,
        metrics: MetricsSink | None = None,
    ) -> None:
        self.settings = settings
        self.logger = logger or logging.getLogger(LOGGER_NAME)
        self.clock = clock or SystemClock()
        self.lock = lock
        self.store = store
        self.max_ticks = max_ticks
        self.jobs = tuple(jobs)
        bound = [job for job in self.jobs if job.bound]
        self.recorder = StatusRecorder(
            store, leader_id=lock.holder_id, lock_kind=lock.kind, jobs=bound, logger=self.logger.getChild("status"), metrics=metrics
        )
        self.scheduler = Scheduler(
            bound,
            cadence,
            fast_tick=settings.fast_tick,
            slow_tick=settings.slow_tick,
            clock=self.clock,
            lock=lock,
            logger=self.logger,
            recorder=self.recorder,
        )
        self.leading = False
        self.stop_signal: int | None = None
        self.reason: StopReason | None = None
        self.abandoned_jobs: tuple[str, ...] = ()
        """Jobs the process left running when its loop ended (past their timeout, or the stop grace ran out)."""
        self._error: BaseException | None = None
        self._setup_done = False
        self._quick = False
        self._dump_requested = False
        self._stop_level = 0
        """What the signal handlers asked for: 0 nothing, 1 stop, 2 stop without waiting (quick)."""
        self._applied_level = 0
        self._stop_started: float | None = None
        self._backstop_at: float | None = None
        self._stop_logged = False
        self._stop_log_guard = threading.Lock()
        self._aborted_calls = False
        self._wake_fd: int | None = None
        """Write end of a pipe the main thread selects on: the signal module writes to it when a signal arrives
        (``signal.set_wakeup_fd``) and the scheduler thread when it ends, so the main thread reacts at once. The
        handlers themselves only set flags: setting a ``threading.Event`` from a handler can deadlock the main thread."""
        if isinstance(lock, RedisLeaderLock):
            lock.on_availability = self.recorder.lock_availability

    def request_stop(self, *, quick: bool = False) -> None:
        """Stop as a stop signal would (from any thread): the running job may finish within ``stop-grace``
        seconds, or - ``quick`` - is not waited for. See :meth:`Scheduler.request_stop`."""
        self.scheduler.request_stop(grace=0.0 if quick else self.settings.stop_grace)

    def run(self, *, install_signals: bool = True) -> int:
        """Run until stopped or ``max_ticks``; returns the exit code. Signals are handled only on the main thread.

        Exit codes: 0 after a clean stop; 1 when the process leaves a job
        running (past its timeout, or ``stop-grace`` ran out); 128 + signal
        after a quick stop (SIGQUIT, or a second stop signal). The lock is
        released and the status records ``stopped`` or ``stopping`` in every
        case. After a stop signal that left a job running the process exits
        at once (``os._exit``), so nothing the job started can hold it.
        Raises what the loop raised (e.g. :class:`SetupError`) after releasing
        the lock.
        """
        self._announce()
        if not install_signals or threading.current_thread() is not threading.main_thread():
            self._loop()
            return self._exit_code()
        handlers = {
            **{name: self._on_stop_signal for name in STOP_SIGNALS},
            **{name: self._on_quick_signal for name in QUICK_STOP_SIGNALS},
            **{name: self._on_dump_signal for name in DUMP_SIGNALS},
        }
        previous: dict[signal.Signals, Any] = {}
        for name, handler in handlers.items():
            sig = getattr(signal, name, None)
            if sig is not None:
                previous[sig] = signal.signal(sig, handler)
        worker = threading.Thread(target=self._guarded_loop, name="heartbeat-scheduler", daemon=True)
        read_fd, self._wake_fd = os.pipe()
        for fd in (read_fd, self._wake_fd):
            os.set_blocking(fd, False)
        previous_wakeup = signal.set_wakeup_fd(self._wake_fd)
        try:
            worker.start()
            while worker.is_alive():
                ready, _, _ = select.select([read_fd], [], [], 0.05 if self.scheduler.stop.is_set() else 0.25)
                if ready:
                    try:
                        os.read(read_fd, 512)
                    except BlockingIOError:
                        pass
                if self._dump_requested:
                    self._dump_requested = False
                    self._dump_threads()
                self._apply_stop_signals()
                if self.scheduler.stop.is_set() and worker.is_alive():
                    self._drive_stop()
        finally:
            if worker.is_alive():  # the main thread failed: never leave with the lock held
                self.scheduler.request_stop(grace=0.0)
                self._exit_now(1, "the runner's main thread failed")
            signal.set_wakeup_fd(previous_wakeup)
            wake_fd, self._wake_fd = self._wake_fd, None
            for fd in (read_fd, wake_fd):
                os.close(fd)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        self._log_stop_signal()
        if self._error is not None:
            raise self._error
        code = self._exit_code()
        if self.abandoned_jobs and self.stop_signal is not None:
            # The process is being stopped and a job thread is still busy: leave now, so that nothing the job
            # started (a non-daemon thread, an executor joined at exit) can keep the process alive.
            self._hard_exit(code)
        return code

    def _exit_code(self) -> int:
        if self._quick and self.stop_signal is not None:
            return 128 + self.stop_signal
        return 1 if self.abandoned_jobs else 0

    # -- signals: flags only; the main loop acts on them ------------------------------------

    def _on_stop_signal(self, signum: int, frame: FrameType | None) -> None:
        if self.stop_signal is not None:
            self._quick = True  # a second stop signal: do not wait for the running job
            self._stop_level = 2
        else:
            self.stop_signal = signum
            self._stop_level = max(self._stop_level, 1)

    def _on_quick_signal(self, signum: int, frame: FrameType | None) -> None:
        if self.stop_signal is None:
            self.stop_signal = signum
        self._quick = True
        self._stop_level = 2

    def _on_dump_signal(self, signum: int, frame: FrameType | None) -> None:
        self._dump_requested = True

    def _apply_stop_signals(self) -> None:
        """On the main thread: turn what the handlers recorded into one scheduler stop request per level."""
        level = self._stop_level
        if level <= self._applied_level:
            return
        first = self._applied_level == 0
        self._applied_level = level
        quick = level >= 2
        if not quick:
            self._log_stop_signal()
        else:
            with self._stop_log_guard:
                self._stop_logged = True
            running = self.scheduler.running
            self.logger.warning(
                "Received %s%s; stopping without waiting for %s",
                signal.Signals(self.stop_signal or signal.SIGQUIT).name, "" if first else " again",
                f"job {running[0].name}" if running else "the running job",
            )
        # Short Redis timeouts before the scheduler thread wakes: its first act may be a status write ("stopping").
        self._prepare_shutdown()
        self.request_stop(quick=quick)
        now = time.monotonic()
        # Backstop: the scheduler thread itself honours the grace; if it has still not ended well after it
        # (stuck outside any job: a cadence predicate, a file system), the main thread releases and leaves.
        backstop = now + (0.0 if quick else self.settings.stop_grace) + STOP_BACKSTOP
        self._backstop_at = backstop if self._backstop_at is None else min(self._backstop_at, backstop)

    def _dump_threads(self) -> None:
        frames = sys._current_frames()
        parts = []
        for thread in threading.enumerate():
            frame = frames.get(thread.ident or -1)
            if frame is not None:
                stack = "".join(traceback.format_stack(frame)).rstrip()
                parts.append(f"--- thread {thread.name} ---\n{stack}")
        running = self.scheduler.running
        job = f"job {running[0].name} running for {self.clock.monotonic() - running[1]:.1f} s" if running else "no job running"
        hung = self.scheduler.abandoned_jobs
        if hung:
            job += f"; past their timeout, still running: {', '.join(hung)}"
        self.logger.warning("SIGUSR1: %s; thread stacks follow\n%s", job, "\n".join(parts))

    def _drive_stop(self) -> None:
        """Called by the main thread while the scheduler thread has not finished after a stop request.

        The scheduler ends by itself once the running job returns, its timeout passes or the grace runs
        out; here the main thread only shortens Redis timeouts, breaks off Redis calls the loop is
        blocked in when no job runs, and, as a backstop, leaves when the loop is stuck elsewhere.
        """
        now = time.monotonic()
        if self._stop_started is None:
            self._stop_started = now
            self._prepare_shutdown()
            self._log_stop_signal()
        waited = now - self._stop_started
        if self.scheduler.running is None and waited >= ABORT_REDIS_AFTER and not self._aborted_calls:
            # No job runs, yet the loop has not ended: it waits on the lock's backend (a frozen
            # or unreachable Redis). Break those calls off; the loop then sees the stop at once.
            self._aborted_calls = True
            abort = getattr(self.lock, "abort_calls", None)
            if abort is not None:
                abort()
        if self._backstop_at is not None and now >= self._backstop_at:
            running = self.scheduler.running
            where = f"waiting for job {running[0].name}" if running else "outside any job"
            self._exit_now(
                128 + self.stop_signal if self._quick and self.stop_signal else 1,
                f"the loop did not end {waited:.1f} s after the stop request ({where})",
            )

    def _log_stop_signal(self) -> None:
        """Log the stop signal once, from whichever thread gets there first (never from the handler itself)."""
        with self._stop_log_guard:
            if self.stop_signal is None or self._stop_logged:
                return
            self._stop_logged = True
            self.logger.info(
                "Received %s; stopping (a running job may finish within %g s; SIGQUIT or a second signal stops at once)",
                signal.Signals(self.stop_signal).name, self.settings.stop_grace,
            )

    def _prepare_shutdown(self) -> None:
        """Short timeouts for every remaining lock and status call (they go to a second client)."""
        self.lock.begin_shutdown()
        if isinstance(self.lock, RedisLeaderLock) and isinstance(self.store, RedisStatusStore):
            self.store.client = self.lock.shutdown_client
            if not isinstance(self.recorder.store, _OneStrikeStore):
                self.recorder.store = _OneStrikeStore(self.store)

    def _exit_now(self, code: int, why: str) -> None:
        """Leave while the scheduler thread is stuck: record ``stopping``, release the lock, exit with ``code``."""
        self._prepare_shutdown()
        self.logger.warning("%s; recording 'stopping', releasing the lock and exiting with status %d", why, code)
        if self.leading:
            self.recorder.stopped(self.clock.time(), state="stopping")
        released = self.lock.release()
        running = self.scheduler.running  # read once: the scheduler thread may change it meanwhile
        left = sorted({*self.scheduler.abandoned_jobs, *([running[0].name] if running else [])})
        self.logger.info(
            "%s%s", "Lock released" if released else "The lock could not be released and expires by itself",
            f"; left unfinished: {', '.join(left)}" if left else "",
        )
        self._hard_exit(code)

    def _hard_exit(self, code: int) -> None:
        for handler in [*logging.getLogger().handlers, *self.logger.handlers]:
            try:
                handler.flush()
            except Exception:  # noqa: S110 - nothing left to report to
                pass
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)

    def _guarded_loop(self) -> None:
        try:
            self._loop()
        except BaseException as exc:  # re-raised on the main thread
            self._error = exc
        finally:
            wake_fd = self._wake_fd
            if wake_fd is not None:
                try:
                    os.write(wake_fd, b"\0")
                except OSError:  # closed or full: the main thread is awake anyway
                    pass

    def _announce(self) -> None:
        bound = [job for job in self.jobs if job.bound]
        names = ", ".join(job.name for job in bound)
        self.logger.info("Registered %s: %s", count(len(bound), "job"), names)
        for name, target in job_table(self.jobs).items():
            self.logger.debug("  %s -> %s", name, target)
        missing = unbound(self.jobs)
        if missing:
            self.logger.warning("Unbound preset jobs will not run (allow-unbound): %s", ", ".join(missing))
        if self.lock.kind == "none":
            self.logger.warning("Running without a leader lock: every process started like this runs every job")
        if self.lock.kind == "redis" and self.settings.lock_key_is_default:
            self.logger.warning(
                "lock-key is not set: the Redis lock uses the default identity '%s' (derived from the configuration); "
                "set lock-key (the same on every host) so that every runner of this project, and only those, share one lock",
                self.settings.resolved_lock_key,
            )
        self.logger.info(
            "Ticks: fast %g s, slow %g s; lock: %s", self.settings.fast_tick, self.settings.slow_tick, self.lock.describe()
        )

    def _loop(self) -> None:
        scheduler, lock = self.scheduler, self.lock
        lock.on_lost = scheduler.wake.set
        standby_logged = False
        try:
            while not scheduler.stop.is_set():
                if not lock.acquire():
                    if lock.unavailable_since is not None:
                        standby_logged = False  # the lock logs "Redis unavailable" itself, with back-off
                    elif not standby_logged:
                        self.logger.info("Standby: another process leads (%s); retrying every ~%.3g s", lock.describe(), lock.retry_delay())
                        standby_logged = True
                    self.clock.wait(scheduler.wake, lock.retry_delay())
                    if not scheduler.stop.is_set():
                        scheduler.wake.clear()
                    continue
                standby_logged = False
                self.leading = True
                self.logger.info("Leader: %s (fencing token %s)", lock.holder_id, lock.fencing_token)
                self._run_setup_once()
                if lock.kind != "none":  # without a lock every process runs every job: nothing to resume from others
                    scheduler.resume(self.recorder.resume_slots())
                self.recorder.became_leader(lock.fencing_token, self.clock.time())
                self.reason = scheduler.run(self.max_ticks)
                if self.reason is StopReason.LOST:
                    self.logger.warning("Back to standby after tick=%d: the lease could not be kept", scheduler.ticks)
                    self.leading = False
                    lock.release()
                    continue
                break
        finally:
            self._log_stop_signal()
            if scheduler.stop.is_set() or self.stop_signal is not None:
                self._prepare_shutdown()
            self.abandoned_jobs = scheduler.abandoned_jobs
            if self.leading:
                self.recorder.stopped(self.clock.time())
                released = lock.release()
                self.leading = False
                left = ""
                if self.abandoned_jobs:
                    left = f"; left unfinished: {', '.join(self.abandoned_jobs)} (status 'stopping')"
                self.logger.info(
                    "Stopped after %s (%s, %d failed)%s; %s",
                    count(scheduler.ticks, "tick"), count(self.recorder.runs_here, "job run"), self.recorder.failures_here, left,
                    "lock released" if released else "the lock could not be released and expires by itself",
                )
            else:
                lock.release()
                self.logger.info("Stopped (was standby)")

    def _run_setup_once(self) -> None:
        if self._setup_done or not self.settings.setup:
            return
        hook = resolve_target(self.settings.setup, job="setup", source=self.settings.source, what="heartbeat 'setup'")
        try:
            hook()
        except Exception as exc:
            self.logger.exception("setup hook %s failed", self.settings.setup)
            raise SetupError(f"setup hook '{self.settings.setup}' failed: {type(exc).__name__}: {exc}", self.settings.source) from exc
        self._setup_done = True


def create_runner(
    settings: HeartbeatSettings,
    options: RunOptions,
    *,
    extra_jobs: Iterable[Job] = (),
    clock: Clock | None = None,
    logger: logging.Logger | None = None,
) -> HeartbeatRunner:
    """Apply flags, bind jobs, refuse unbound preset jobs unless allowed, build cadence/lock/store.

    Jobs are exactly what the configuration binds, plus ``extra_jobs``; with
    ``preset = "thor"`` the reference project's eight job specs come first
    and each must be bound (or ``allow-unbound``). Raises
    :class:`~thor_guard.errors.ConfigError` (exit 2) for configuration and
    start-up Redis errors.
    """
    settings = apply_overrides(
        settings, fast_tick=options.fast_tick, slow_tick=options.slow_tick, lock=options.lock, redis_url=options.redis_url
    )
    if options.allow_unbound and not settings.allow_unbound:
        settings = replace(settings, allow_unbound=True)
    logger = logger or logging.getLogger(LOGGER_NAME)
    clock = clock or SystemClock()
    defaults = DEFAULT_JOBS if settings.preset == "thor" else ()
    jobs = build_jobs(settings.jobs, extra=extra_jobs, source=settings.source, defaults=defaults)
    if not jobs:
        raise ConfigError(
            "no jobs configured: bind jobs in [tool.thor-guard.heartbeat.jobs] "
            "(name = { target = \"module:qualname\", interval = SECONDS }), or set preset = \"thor\" for the reference project's eight",
            settings.source,
        )
    missing = unbound(jobs)
    if missing and not settings.allow_unbound:
        raise ConfigError(
            f"{count(len(missing), 'job')} of preset '{settings.preset}' not bound to a function: {', '.join(missing)}; bind them in "
            "[tool.thor-guard.heartbeat.jobs] (name = \"module:qualname\") or settings.THOR_HEARTBEAT['JOBS'], "
            "or set allow-unbound = true (or pass --allow-unbound) to run without them",
            settings.source,
        )
    cadence = build_cadence(settings)
    lock, store = build_lock(settings, clock=clock, logger=logger)
    metrics = None
    if options.metrics_port is not None:
        from heartbeat.metrics import start_metrics

        metrics = start_metrics(
            options.metrics_port, [job for job in jobs if job.bound], address=options.metrics_address, logger=logger
        )
    return HeartbeatRunner(
        settings, jobs, cadence=cadence, lock=lock, store=store, clock=clock, logger=logger, max_ticks=options.max_ticks, metrics=metrics
    )
