"""The one runner behind ``thor-guard run-heartbeat`` and ``manage.py run_heartbeat``.

It turns validated settings into jobs, a cadence, a lock and a status store,
then runs the scheduler in its own thread while the main thread only waits
for SIGTERM/SIGINT. The signal handler sets two events and nothing else, so
a stop takes effect within the running job plus the wake-up latency, also
when the process is PID 1 in a container (explicit handlers, no defaults).
A leader that loses its lease goes back to standby; the lock is released on
every way out.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from heartbeat.cadence import Cadence, PredicateCadence, SessionCadence
from heartbeat.clock import Clock, SystemClock
from heartbeat.jobs import Job, build_jobs, job_table, resolve_target, unbound
from heartbeat.locks import FileLeaderLock, LeaderLock, NoLock, RedisLeaderLock, holder_identity, redis_client
from heartbeat.scheduler import Scheduler, StopReason
from heartbeat.settings import HeartbeatSettings, LockKind, apply_overrides, django_table, merge_tables, parse_settings
from heartbeat.status import FileStatusStore, MetricsSink, RedisStatusStore, StatusRecorder, StatusStore
from heartbeat.text import plural
from thor_guard.config import Config
from thor_guard.errors import ConfigError, ThorGuardError

LOGGER_NAME = "heartbeat"


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


def load_settings(config: Config, *, with_django: bool) -> HeartbeatSettings:
    """pyproject's heartbeat table, overlaid key by key by ``settings.THOR_HEARTBEAT`` when Django is configured."""
    table = merge_tables(config.heartbeat)
    if with_django:
        table = merge_tables(table, django_table())
    return parse_settings(table, project_root=config.project_root, source=config.config_file)


def build_cadence(settings: HeartbeatSettings) -> Cadence:
    if settings.cadence:
        predicate = resolve_target(settings.cadence, job="cadence", source=settings.source)
        return PredicateCadence(predicate, name=settings.cadence)  # type: ignore[arg-type]
    if not settings.sessions:
        raise ConfigError(
            "no market sessions configured: add [[tool.thor-guard.heartbeat.sessions]] tables or "
            "cadence = \"module:qualname\" (e.g. \"heartbeat.cadence:always_open\")",
            settings.source,
        )
    return SessionCadence(settings.sessions)


def build_lock(settings: HeartbeatSettings, *, clock: Clock, logger: logging.Logger) -> tuple[LeaderLock, StatusStore]:
    """The configured lock and the status store that goes with it (Redis beside Redis, a file beside a file)."""
    holder = holder_identity()
    standby_poll = min(settings.fast_tick, 1.0)
    if settings.lock == "redis":
        url = settings.resolved_redis_url()
        if not url:
            raise ConfigError(
                "lock = \"redis\" needs a Redis URL: set redis-url in the heartbeat table, --redis-url, or THOR_HEARTBEAT_REDIS_URL",
                settings.source,
            )
        client = redis_client(url, ttl=settings.lock_ttl)
        lock: LeaderLock = RedisLeaderLock(
            client,
            settings.resolved_lock_key,
            ttl=settings.lock_ttl,
            renew_interval=settings.renew_interval,
            retry_interval=min(settings.lock_ttl / 2.0, settings.fast_tick),
            holder_id=holder,
            clock=clock,
            logger=logger.getChild("lock"),
            url_for_logs=url,
        )
        return lock, RedisStatusStore(client, settings.resolved_lock_key + ":status", url_for_logs=url)
    store = FileStatusStore(settings.resolved_status_path)
    if settings.lock == "none":
        return NoLock(holder, poll=standby_poll), store
    return FileLeaderLock(settings.resolved_lock_path, holder_id=holder, poll=standby_poll), store


def status_store_for(settings: HeartbeatSettings) -> StatusStore:
    """The store ``heartbeat-status`` reads: the one the runner with these settings writes."""
    if settings.lock == "redis":
        url = settings.resolved_redis_url()
        if not url:
            raise ConfigError("the Redis status needs a Redis URL (redis-url, --redis-url or THOR_HEARTBEAT_REDIS_URL)", settings.source)
        return RedisStatusStore(redis_client(url, ttl=settings.lock_ttl), settings.resolved_lock_key + ":status", url_for_logs=url)
    return FileStatusStore(settings.resolved_status_path)


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
        self._error: BaseException | None = None
        self._setup_done = False

    def request_stop(self) -> None:
        self.scheduler.request_stop()

    def run(self, *, install_signals: bool = True) -> int:
        """Run until stopped or ``max_ticks``; returns the exit code (0). Signals are handled only on the main thread."""
        self._announce()
        if not install_signals or threading.current_thread() is not threading.main_thread():
            self._loop()
            return 0
        previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
        for sig in previous:
            signal.signal(sig, self._on_signal)
        worker = threading.Thread(target=self._guarded_loop, name="heartbeat-scheduler", daemon=True)
        try:
            worker.start()
            while worker.is_alive():  # hung jobs are watched by the scheduler itself (heartbeat.worker)
                worker.join(0.25)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if self._error is not None:
            raise self._error
        return 0

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        if self.stop_signal is not None:
            # Second signal: the running job does not finish; give up now. The OS drops a file lock,
            # a Redis lease expires after its TTL.
            os.write(2, b"heartbeat: second signal, exiting without waiting for the running job\n")
            os._exit(128 + signum)
        self.stop_signal = signum
        self.scheduler.request_stop()

    def _guarded_loop(self) -> None:
        try:
            self._loop()
        except BaseException as exc:  # re-raised on the main thread
            self._error = exc

    def _announce(self) -> None:
        bound = [job for job in self.jobs if job.bound]
        names = ", ".join(job.name for job in bound)
        self.logger.info("Registered %s: %s", plural(len(bound), "job"), names)
        for name, target in job_table(self.jobs).items():
            self.logger.debug("  %s -> %s", name, target)
        missing = unbound(self.jobs)
        if missing:
            self.logger.warning("Unbound jobs will not run (--allow-unbound): %s", ", ".join(missing))
        if self.lock.kind == "none":
            self.logger.warning("Running without a leader lock: every process started like this runs every job")
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
                    if not standby_logged:
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
            if self.stop_signal is not None:
                self.logger.info("Received %s; stopping", signal.Signals(self.stop_signal).name)
            if self.leading:
                self.recorder.stopped(self.clock.time())
                lock.release()
                self.leading = False
                self.logger.info(
                    "Stopped after %s (%s, %d failed); lock released",
                    plural(scheduler.ticks, "tick"), plural(self.recorder.runs_here, "job run"), self.recorder.failures_here,
                )
            else:
                self.logger.info("Stopped (was standby)")

    def _run_setup_once(self) -> None:
        if self._setup_done or not self.settings.setup:
            return
        hook = resolve_target(self.settings.setup, job="setup", source=self.settings.source)
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
    """Apply flags, bind jobs, refuse unbound defaults unless allowed, build cadence/lock/store."""
    settings = apply_overrides(
        settings, fast_tick=options.fast_tick, slow_tick=options.slow_tick, lock=options.lock, redis_url=options.redis_url
    )
    logger = logger or logging.getLogger(LOGGER_NAME)
    clock = clock or SystemClock()
    jobs = build_jobs(settings.jobs, extra=extra_jobs, source=settings.source)
    missing = unbound(jobs)
    if missing and not options.allow_unbound:
        raise ConfigError(
            f"{len(missing)} job(s) not bound to a function: {', '.join(missing)}; bind them in "
            "[tool.thor-guard.heartbeat.jobs] (name = \"module:qualname\") or settings.THOR_HEARTBEAT['JOBS'], "
            "or pass --allow-unbound to run without them",
            settings.source,
        )
    cadence = build_cadence(settings)
    lock, store = build_lock(settings, clock=clock, logger=logger)
    metrics = None
    if options.metrics_port is not None:
        from heartbeat.metrics import start_metrics

        metrics = start_metrics(options.metrics_port, [job for job in jobs if job.bound], logger=logger)
    return HeartbeatRunner(
        settings, jobs, cadence=cadence, lock=lock, store=store, clock=clock, logger=logger, max_ticks=options.max_ticks, metrics=metrics
    )
