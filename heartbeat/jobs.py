"""The jobs: the eight default specs of DESIGN §1, the context a job receives, and binding by ``module:qualname``.

A job is data (name, interval, when) plus a callable ``fn(ctx)``. The eight
defaults carry no callable: each project binds its own functions in
``[tool.thor-guard.heartbeat.jobs]`` or ``settings.THOR_HEARTBEAT["JOBS"]``.
Binding imports the target, so its errors name the job and the target.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from heartbeat.cadence import MarketState
from heartbeat.settings import JobBinding, When
from thor_guard.errors import ConfigError
from thor_guard.suggest import did_you_mean
from thor_guard.targets import Target


@dataclass
class JobContext:
    """What a running job may read. ``fencing_token`` is the leader's token: pass it to any store that checks one."""

    job: str
    logger: logging.Logger
    state: dict[str, object]
    """Shared by all jobs of this process for its lifetime (caches, feeds, connections)."""
    fencing_token: int | None
    leader_id: str
    stop_event: threading.Event
    tick: int
    slot: int
    """``floor(scheduled / interval)``: the same number in every process for the same slot."""
    scheduled: float
    """Wall-clock epoch seconds of the tick this run belongs to (on the tick grid)."""
    market: MarketState
    lease_valid: Callable[[], bool] = field(default=lambda: True)
    """True while this process still holds a valid lease; long jobs can check it between steps."""

    @property
    def now(self) -> dt.datetime:
        """The scheduled tick time as an aware UTC datetime (deterministic, unlike ``datetime.now()``)."""
        return dt.datetime.fromtimestamp(self.scheduled, dt.timezone.utc)


class JobFunction(Protocol):
    def __call__(self, ctx: JobContext) -> object: ...


@dataclass(frozen=True)
class JobSpec:
    """A job's schedule without its callable."""

    name: str
    interval: float
    when: When


TIMEOUT_FACTOR = 5.0
"""Default timeout of a job: this many intervals ..."""
MIN_TIMEOUT = 1.0
"""... but never less than this many seconds (a 50 ms job may take a slow second now and then)."""


def default_timeout(interval: float) -> float:
    """``max(TIMEOUT_FACTOR × interval, MIN_TIMEOUT)`` seconds: the documented default of a job's ``timeout``."""
    return max(TIMEOUT_FACTOR * interval, MIN_TIMEOUT)


@dataclass(frozen=True)
class Job:
    """A schedulable job: spec plus bound callable (``None`` only while unbound).

    ``timeout`` (seconds, ``None`` = :func:`default_timeout` of the interval)
    is how long the loop waits for one run before it reports the run as past
    its timeout and goes on with the other jobs; the run itself is not
    interrupted, and the job is not started again until it returns.
    """

    name: str
    interval: float
    when: When
    fn: JobFunction | None = None
    target: str | None = None
    timeout: float | None = None

    @property
    def bound(self) -> bool:
        return self.fn is not None

    @property
    def effective_timeout(self) -> float:
        """The configured timeout, or the default for the interval."""
        return self.timeout if self.timeout is not None else default_timeout(self.interval)


DEFAULT_JOBS: tuple[JobSpec, ...] = (
    JobSpec("intraday", 1.0, "open"),
    JobSpec("week52_extremes", 2.0, "open"),
    JobSpec("session_volume", 10.0, "open"),
    JobSpec("market_metrics", 10.0, "open"),
    JobSpec("twentyfour_hour", 30.0, "always"),
    JobSpec("preopen_backtest", 30.0, "preopen"),
    JobSpec("vwap_minute_capture", 60.0, "open"),
    JobSpec("closed_bars_flush", 60.0, "always"),
)
DEFAULT_JOB_NAMES = tuple(spec.name for spec in DEFAULT_JOBS)


def resolve_target(text: str, *, job: str, source: Path | None = None, what: str | None = None) -> Callable[..., object]:
    """Import ``module:qualname`` and return the callable, or raise one ConfigError naming job and target.

    ``what`` replaces ``job '<job>'`` in messages for targets that are not jobs (``heartbeat 'cadence'``).
    """
    what = what or f"job '{job}'"
    try:
        target = Target.parse(text, allow_wildcards=False, what=f"{what} target")
    except ConfigError as exc:
        raise ConfigError(exc.message, source) from exc
    try:
        module = importlib.import_module(target.module)
    except ModuleNotFoundError as exc:
        missing = exc.name or target.module
        if target.module == missing or target.module.startswith(missing + "."):
            raise ConfigError(f"{what}: cannot bind '{text}': module '{missing}' not found (is the project root on sys.path?)", source) from exc
        raise ConfigError(f"{what}: cannot bind '{text}': importing '{target.module}' failed: {exc}", source) from exc
    except Exception as exc:  # an import-time error in user code must still name the job
        raise ConfigError(f"{what}: cannot bind '{text}': importing '{target.module}' failed: {type(exc).__name__}: {exc}", source) from exc
    obj: object = module
    walked: list[str] = []
    for part in target.qualname.split("."):
        walked.append(part)
        if not hasattr(obj, part):
            names = [n for n in dir(obj) if not n.startswith("__")]
            raise ConfigError(
                f"{what}: cannot bind '{text}': '{target.module}' has no attribute '{'.'.join(walked)}'{did_you_mean(part, names)}",
                source,
            )
        obj = getattr(obj, part)
    if not callable(obj):
        raise ConfigError(f"{what}: cannot bind '{text}': {type(obj).__name__} object is not callable", source)
    return obj


def build_jobs(
    bindings: Sequence[JobBinding],
    *,
    extra: Iterable[Job] = (),
    source: Path | None = None,
    resolver: Callable[..., Callable[..., object]] = resolve_target,
    defaults: Sequence[JobSpec] = DEFAULT_JOBS,
) -> tuple[Job, ...]:
    """The preset's job specs (``defaults``) in their order, then configured extra jobs, then ``extra`` (registered in code).

    A binding for a name that is not a default is an extra job and needs an
    interval; a typo of a default name is reported with the nearest name.
    """
    by_name: dict[str, JobBinding] = {b.name: b for b in bindings}
    jobs: list[Job] = []
    for spec in defaults:
        binding = by_name.pop(spec.name, JobBinding(spec.name))
        jobs.append(_bind(Job(spec.name, spec.interval, spec.when), binding, source, resolver))
    for binding in by_name.values():
        if binding.interval is None:
            names = [spec.name for spec in defaults]
            if names:
                raise ConfigError(
                    f"unknown job '{binding.name}'{did_you_mean(binding.name, names)}; "
                    "an extra job needs a table with target and interval",
                    source,
                )
            preset_hint = " (or preset = \"thor\" for the reference project's eight jobs)" if binding.name in DEFAULT_JOB_NAMES else ""
            raise ConfigError(
                f"job '{binding.name}' needs an interval: write {binding.name} = {{ target = \"module:qualname\", interval = SECONDS }}{preset_hint}",
                source,
            )
        jobs.append(_bind(Job(binding.name, binding.interval, binding.when or "always"), binding, source, resolver))
    for job in extra:
        if any(existing.name == job.name for existing in jobs):
            raise ConfigError(f"job '{job.name}' is registered twice", source)
        jobs.append(job)
    return tuple(jobs)


def _bind(job: Job, binding: JobBinding, source: Path | None, resolver: Callable[..., Callable[..., object]]) -> Job:
    job = replace(
        job,
        interval=binding.interval if binding.interval is not None else job.interval,
        when=binding.when or job.when,
        timeout=binding.timeout if binding.timeout is not None else job.timeout,
    )
    if binding.target is None:
        return job
    fn = resolver(binding.target, job=job.name, source=source)
    return replace(job, fn=fn, target=binding.target)  # type: ignore[arg-type]


def unbound(jobs: Sequence[Job]) -> tuple[str, ...]:
    return tuple(job.name for job in jobs if not job.bound)


def job_table(jobs: Sequence[Job]) -> Mapping[str, str]:
    """name -> target, for the start-up log."""
    return {job.name: job.target or ("<in code>" if job.bound else "<unbound>") for job in jobs}
