"""Validate the heartbeat's configuration into one frozen :class:`HeartbeatSettings`.

Two sources feed it: the raw ``[tool.thor-guard.heartbeat]`` mapping that
:func:`thor_guard.config.load_config` keeps in ``Config.heartbeat``, and a
Django project's ``settings.THOR_HEARTBEAT`` (same keys, upper or lower case,
dashes or underscores). Settings win over pyproject key by key; command-line
flags win over both (:func:`apply_overrides`). Unknown keys are a
:class:`~thor_guard.errors.ConfigError` that names the nearest valid key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from thor_guard.errors import ConfigError, TargetError
from thor_guard.suggest import did_you_mean
from thor_guard.targets import Target

LockKind = Literal["file", "redis", "none"]
When = Literal["open", "always", "preopen"]
LOCK_KINDS: tuple[LockKind, ...] = ("file", "redis", "none")
WHENS: tuple[When, ...] = ("open", "always", "preopen")
REDIS_URL_ENV = "THOR_HEARTBEAT_REDIS_URL"
PRESET_NAMES = ("thor", "none")
DEFAULT_LOCK_DIRS = (Path("/run/lock"), Path("/var/lock"))
"""Where the default file lock lives: the first that exists. Neither depends on TMPDIR, on systemd's
PrivateTmp (which replaces /tmp and /var/tmp per unit) or on the checkout's directory."""
DEFAULT_STOP_GRACE = 10.0
DEFAULT_STATUS_MODE = 0o644

KEYS = (
    "fast-tick",
    "slow-tick",
    "lock",
    "lock-path",
    "lock-ttl",
    "lock-renew",
    "lock-key",
    "redis-url",
    "status-path",
    "cadence",
    "sessions",
    "jobs",
    "setup",
    "django-settings",
    "project",
    "preset",
    "allow-unbound",
    "stop-grace",
    "status-mode",
)
JOB_KEYS = ("target", "interval", "when", "timeout")
SESSION_KEYS = ("name", "timezone", "weekdays", "open", "close", "holidays", "early-closes")
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


@dataclass(frozen=True)
class SessionSpec:
    """One market session. Its trading day is the local date on which it closes.

    A session whose close is not after its open (``18:00``–``17:00``, or
    ``00:00``–``00:00`` for round the clock) spans midnight and opens on the
    previous calendar day; ``weekdays``, ``holidays`` and ``early_closes``
    always refer to the trading day.
    """

    name: str
    timezone: str
    weekdays: frozenset[int]
    open: dt.time
    close: dt.time
    holidays: frozenset[dt.date] = frozenset()
    early_closes: Mapping[dt.date, dt.time] = field(default_factory=dict)

    @property
    def spans_midnight(self) -> bool:
        return self.close <= self.open


@dataclass(frozen=True)
class JobBinding:
    """What the configuration says about one job: its target and optional overrides."""

    name: str
    target: str | None = None
    interval: float | None = None
    when: When | None = None
    timeout: float | None = None
    """Seconds; ``None`` means the default, ``heartbeat.jobs.default_timeout(interval)``."""


@dataclass(frozen=True)
class HeartbeatSettings:
    """Everything the runner needs, validated; ``None`` means "use the documented default"."""

    project_root: Path
    source: Path | None = None
    """The file the settings came from, named in error messages."""
    project: str = ""
    fast_tick: float = 1.0
    slow_tick: float = 60.0
    lock: LockKind = "file"
    lock_path: Path | None = None
    lock_ttl: float = 10.0
    lock_renew: float | None = None
    lock_key: str | None = None
    redis_url: str | None = None
    status_path: Path | None = None
    cadence: str | None = None
    sessions: tuple[SessionSpec, ...] = ()
    jobs: tuple[JobBinding, ...] = ()
    setup: str | None = None
    django_settings: str | None = None
    preset: str = "none"
    """``thor``: the eight job specs of the reference project exist (bind them or --allow-unbound); ``none``: only configured jobs."""
    allow_unbound: bool = False
    stop_grace: float = DEFAULT_STOP_GRACE
    """Seconds a stop waits for the running job before the process records ``stopping``, releases the lock and exits."""
    status_mode: int = DEFAULT_STATUS_MODE
    derived_identity: str = ""
    """The default identity computed from the configuration by :func:`derive_identity` (see there)."""

    @property
    def identity(self) -> str:
        """The project's lock identity when ``lock-key`` is not set: ``project``, else :attr:`derived_identity`."""
        return self.project or self.derived_identity or "default"

    @property
    def lock_key_is_default(self) -> bool:
        """True when neither ``lock-key`` nor ``project`` names the identity (the runner warns with the Redis lock)."""
        return self.lock_key is None and not self.project

    @property
    def resolved_lock_key(self) -> str:
        """The lock's name: ``lock-key``, or ``thor-guard:heartbeat:<identity>``. Names the Redis key and the lock file."""
        return self.lock_key or f"thor-guard:heartbeat:{self.identity}"

    @property
    def redis_key(self) -> str:
        """The Redis key of the lock, hash-tagged (``{name}``) so that it and the keys beside it
        (``:fencing``, ``:slots``, ``:status``) hash to one Redis Cluster slot; a key that already
        holds a ``{tag}`` is used as written."""
        return hash_tagged(self.resolved_lock_key)

    @property
    def resolved_lock_path(self) -> Path:
        """The lock file: ``lock-path``, or ``/run/lock/thor-guard-heartbeat-<lock-key or identity>.lock``.

        The default depends only on the lock name (``lock-key`` or the derived
        identity), never on TMPDIR or the checkout's directory, so two
        checkouts of one project (``app`` and ``app_v2`` during a release),
        and units with their own private /tmp, share one lock.
        """
        if self.lock_path is not None:
            return self.lock_path
        directory = next((d for d in DEFAULT_LOCK_DIRS if d.is_dir()), None)
        if directory is None:
            raise ConfigError(
                f"no {' or '.join(str(d) for d in DEFAULT_LOCK_DIRS)} on this system for the default file lock; set lock-path",
                self.source,
            )
        return directory / f"thor-guard-heartbeat-{safe_file_name(self.lock_key or self.identity)}.lock"

    @property
    def resolved_status_path(self) -> Path:
        """The JSON status file: configured, or beside the lock file."""
        if self.status_path is not None:
            return self.status_path
        return self.resolved_lock_path.with_name(self.resolved_lock_path.stem + ".status.json")

    @property
    def renew_interval(self) -> float:
        """Renew the Redis lease every third of its TTL unless configured."""
        return self.lock_renew if self.lock_renew is not None else self.lock_ttl / 3.0

    def resolved_redis_url(self, environ: Mapping[str, str] | None = None) -> str | None:
        """The Redis URL: ``THOR_HEARTBEAT_REDIS_URL`` wins over the configured one."""
        env = os.environ if environ is None else environ
        return env.get(REDIS_URL_ENV) or self.redis_url


def hash_tagged(key: str) -> str:
    """``name`` -> ``{name}``; a key that already holds a non-empty ``{tag}`` is returned unchanged."""
    return key if re.search(r"\{[^{}]+\}", key) else "{" + key + "}"


def safe_file_name(name: str) -> str:
    """A lock name as one file-name component: unsafe characters become ``_``, a long name keeps a hash."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", name).strip(".") or "heartbeat"
    if len(safe) > 120:
        safe = safe[:100] + "-" + hashlib.sha256(name.encode()).hexdigest()[:12]
    return safe


def derive_identity(table: Mapping[str, Any], *, package_name: str | None) -> str:
    """The documented default identity, from the configuration only (never TMPDIR or the checkout path).

    1. ``project`` in the heartbeat table (handled by :attr:`HeartbeatSettings.identity`);
    2. else ``[project] name`` of the ``pyproject.toml`` holding the configuration;
    3. else ``jobs-<hash>``: a hash of the configured job names and targets, so two
       checkouts of the same configuration agree (but a release that changes the
       jobs changes it - set ``lock-key`` for production).
    """
    if package_name:
        return package_name
    jobs = table.get("jobs")
    bindings: list[str] = []
    if isinstance(jobs, Mapping):
        for name, value in jobs.items():
            target = value if isinstance(value, str) else (merge_tables(value).get("target") if isinstance(value, Mapping) else None)
            bindings.append(f"{name}={target}")
    digest = hashlib.sha256("\n".join(sorted(bindings)).encode()).hexdigest()[:10]
    return f"jobs-{digest}"


def normalise_key(key: object) -> str:
    """``FAST_TICK``, ``fast_tick`` and ``fast-tick`` are the same key."""
    return str(key).strip().lower().replace("_", "-")


def merge_tables(*tables: Mapping[str, Any]) -> dict[str, Any]:
    """Merge raw tables key by key (normalised); later tables win. Job names are kept as written."""
    merged: dict[str, Any] = {}
    for table in tables:
        for key, value in table.items():
            merged[normalise_key(key)] = value
    return merged


def django_table() -> dict[str, Any]:
    """``settings.THOR_HEARTBEAT`` of a configured Django project (empty when absent)."""
    from django.conf import settings

    raw = getattr(settings, "THOR_HEARTBEAT", None)
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise ConfigError(f"settings.THOR_HEARTBEAT must be a dict, got {type(raw).__name__}")
    return merge_tables(raw)


def parse_settings(
    raw: Mapping[str, Any],
    *,
    project_root: Path,
    source: Path | None = None,
    preset: str | None = None,
    package_name: str | None = None,
) -> HeartbeatSettings:
    """Validate a raw heartbeat table (pyproject and/or Django settings, already merged).

    ``preset`` is the top-level ``preset`` when the configuration names it
    (the heartbeat table's own ``preset`` wins); ``package_name`` is
    ``[project] name`` of the pyproject, used for the default lock identity.
    """
    table = merge_tables(raw)
    for key in table:
        if key not in KEYS:
            raise ConfigError(f"unknown key '{key}' in the heartbeat table{did_you_mean(key, KEYS)}", source)

    def number(key: str, default: float | None) -> float | None:
        value = table.get(key, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise ConfigError(f"heartbeat '{key}' must be a positive number of seconds, got {value!r}", source)
        return float(value)

    def text(key: str) -> str | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"heartbeat '{key}' must be a non-empty string, got {value!r}", source)
        return value.strip()

    def target(key: str) -> str | None:
        value = text(key)
        if value is not None:
            _parse_target(value, f"heartbeat '{key}'", source)
        return value

    def lock_key() -> str | None:
        value = text("lock-key")
        if value is not None and re.search(r"\s", value):
            raise ConfigError(f"heartbeat 'lock-key' must not contain whitespace, got {value!r}", source)
        return value

    def path(key: str) -> Path | None:
        value = text(key)
        return None if value is None else (project_root / Path(value).expanduser()).resolve()

    def flag(key: str) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            raise ConfigError(f"heartbeat '{key}' must be true or false, got {value!r}", source)
        return value

    chosen_preset = text("preset") or preset or "none"
    if chosen_preset not in PRESET_NAMES:
        raise ConfigError(
            f"heartbeat 'preset' must be one of {', '.join(PRESET_NAMES)}, got {chosen_preset!r}{did_you_mean(chosen_preset, PRESET_NAMES)}",
            source,
        )
    status_mode = table.get("status-mode", DEFAULT_STATUS_MODE)
    if isinstance(status_mode, str) and re.fullmatch(r"0?o?[0-7]{3,4}", status_mode.strip()):
        status_mode = int(status_mode.strip().replace("o", ""), 8)
    if isinstance(status_mode, bool) or not isinstance(status_mode, int) or not 0 <= status_mode <= 0o777 or not status_mode & 0o600 == 0o600:
        raise ConfigError(
            f"heartbeat 'status-mode' must be a file mode such as \"0644\" or \"0640\" (owner read and write), got {table.get('status-mode')!r}",
            source,
        )

    lock = text("lock") or "file"
    if lock not in LOCK_KINDS:
        raise ConfigError(f"heartbeat 'lock' must be one of {', '.join(LOCK_KINDS)}, got {lock!r}{did_you_mean(lock, LOCK_KINDS)}", source)

    settings = HeartbeatSettings(
        project_root=project_root,
        source=source,
        project=text("project") or "",
        fast_tick=cast(float, number("fast-tick", 1.0)),
        slow_tick=cast(float, number("slow-tick", 60.0)),
        lock=cast(LockKind, lock),
        lock_path=path("lock-path"),
        lock_ttl=cast(float, number("lock-ttl", 10.0)),
        lock_renew=number("lock-renew", None),
        lock_key=lock_key(),
        redis_url=text("redis-url"),
        status_path=path("status-path"),
        cadence=target("cadence"),
        sessions=_parse_sessions(table.get("sessions", []), source),
        jobs=_parse_jobs(table.get("jobs", {}), source),
        setup=target("setup"),
        django_settings=text("django-settings"),
        preset=chosen_preset,
        allow_unbound=flag("allow-unbound"),
        stop_grace=cast(float, number("stop-grace", DEFAULT_STOP_GRACE)),
        status_mode=status_mode,
        derived_identity=derive_identity(table, package_name=package_name),
    )
    return check_consistency(settings)


def check_consistency(settings: HeartbeatSettings) -> HeartbeatSettings:
    """Cross-field rules, re-checked after command-line overrides."""
    source = settings.source
    if settings.fast_tick <= 0 or settings.slow_tick <= 0:
        raise ConfigError("heartbeat ticks must be positive", source)
    if settings.fast_tick > settings.slow_tick:
        raise ConfigError(f"heartbeat fast tick ({settings.fast_tick:g} s) is longer than the slow tick ({settings.slow_tick:g} s)", source)
    if settings.renew_interval >= settings.lock_ttl:
        raise ConfigError(
            f"heartbeat 'lock-renew' ({settings.renew_interval:g} s) must be shorter than 'lock-ttl' ({settings.lock_ttl:g} s); a third of it is the default",
            source,
        )
    return settings


def apply_overrides(
    settings: HeartbeatSettings,
    *,
    fast_tick: float | None = None,
    slow_tick: float | None = None,
    lock: LockKind | None = None,
    redis_url: str | None = None,
) -> HeartbeatSettings:
    """Command-line flags win over every configuration source."""
    changes: dict[str, Any] = {}
    if fast_tick is not None:
        changes["fast_tick"] = float(fast_tick)
        if slow_tick is None and float(fast_tick) > settings.slow_tick:
            changes["slow_tick"] = float(fast_tick)
    if slow_tick is not None:
        changes["slow_tick"] = float(slow_tick)
    if lock is not None:
        changes["lock"] = lock
    if redis_url is not None:
        changes["redis_url"] = redis_url
    return check_consistency(replace(settings, **changes)) if changes else settings


def _parse_target(value: str, what: str, source: Path | None) -> Target:
    try:
        return Target.parse(value, allow_wildcards=False, what=what)
    except TargetError as exc:
        raise ConfigError(exc.message, source) from exc


def _parse_jobs(raw: object, source: Path | None) -> tuple[JobBinding, ...]:
    if not isinstance(raw, Mapping):
        raise ConfigError(f"heartbeat 'jobs' must be a table of job name = \"module:qualname\", got {raw!r}", source)
    bindings: list[JobBinding] = []
    for name, value in raw.items():
        if not isinstance(name, str) or not re.match(r"^[A-Za-z_][A-Za-z0-9_.-]*$", name):
            raise ConfigError(f"heartbeat job name {name!r} must be an identifier-like string", source)
        if isinstance(value, str):
            _parse_target(value, f"job '{name}' target", source)
            bindings.append(JobBinding(name=name, target=value))
            continue
        if not isinstance(value, Mapping):
            raise ConfigError(f"job '{name}' must be \"module:qualname\" or a table with target/interval/when, got {value!r}", source)
        entry = merge_tables(value)
        for key in entry:
            if key not in JOB_KEYS:
                raise ConfigError(f"unknown key '{key}' in job '{name}'{did_you_mean(key, JOB_KEYS)}", source)
        job_target = entry.get("target")
        if job_target is not None:
            if not isinstance(job_target, str):
                raise ConfigError(f"job '{name}' target must be a string 'module:qualname', got {job_target!r}", source)
            _parse_target(job_target, f"job '{name}' target", source)
        interval = entry.get("interval")
        if interval is not None and (isinstance(interval, bool) or not isinstance(interval, (int, float)) or interval <= 0):
            raise ConfigError(f"job '{name}' interval must be a positive number of seconds, got {interval!r}", source)
        timeout = entry.get("timeout")
        if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0):
            raise ConfigError(f"job '{name}' timeout must be a positive number of seconds, got {timeout!r}", source)
        when = entry.get("when")
        if when is not None and when not in WHENS:
            raise ConfigError(f"job '{name}' when must be one of {', '.join(WHENS)}, got {when!r}{did_you_mean(str(when), WHENS)}", source)
        bindings.append(
            JobBinding(
                name=name,
                target=job_target,
                interval=None if interval is None else float(interval),
                when=cast("When | None", when),
                timeout=None if timeout is None else float(timeout),
            )
        )
    return tuple(bindings)


def _parse_time(value: object, what: str, source: Path | None) -> dt.time:
    if isinstance(value, dt.time):
        return value
    match = _TIME.match(value) if isinstance(value, str) else None
    if match is None:
        raise ConfigError(f"{what} must be a time 'HH:MM' or 'HH:MM:SS', got {value!r}", source)
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ConfigError(f"{what} {value!r} is not a valid time of day", source)
    return dt.time(hour, minute, second)


def _parse_date(value: object, what: str, source: Path | None) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ConfigError(f"{what} must be a date 'YYYY-MM-DD', got {value!r}", source)


def _parse_weekdays(value: object, what: str, source: Path | None) -> frozenset[int]:
    if not isinstance(value, (list, tuple)) or not value:
        raise ConfigError(f"{what} must be a non-empty list such as [\"mon\", \"tue\"], got {value!r}", source)
    days: set[int] = set()
    for item in value:
        if isinstance(item, str) and item.strip().lower()[:3] in WEEKDAY_NAMES:
            days.add(WEEKDAY_NAMES.index(item.strip().lower()[:3]))
        elif isinstance(item, int) and not isinstance(item, bool) and 0 <= item <= 6:
            days.add(item)
        else:
            raise ConfigError(f"{what}: {item!r} is not a weekday (mon..sun or 0..6 with 0 = Monday)", source)
    return frozenset(days)


def _parse_sessions(raw: object, source: Path | None) -> tuple[SessionSpec, ...]:
    if not isinstance(raw, (list, tuple)):
        raise ConfigError(f"heartbeat 'sessions' must be a list of tables, got {raw!r}", source)
    sessions: list[SessionSpec] = []
    for index, item in enumerate(raw):
        if not isinstance(item, Mapping):
            raise ConfigError(f"heartbeat session #{index + 1} must be a table, got {item!r}", source)
        entry = merge_tables(item)
        name = entry.get("name", f"session-{index + 1}")
        what = f"session '{name}'"
        for key in entry:
            if key not in SESSION_KEYS:
                raise ConfigError(f"unknown key '{key}' in {what}{did_you_mean(key, SESSION_KEYS)}", source)
        for required in ("timezone", "open", "close"):
            if required not in entry:
                raise ConfigError(f"{what} needs '{required}'", source)
        zone = entry["timezone"]
        try:
            ZoneInfo(str(zone))
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ConfigError(f"{what}: unknown time zone {zone!r} (use an IANA name such as 'America/New_York')", source) from exc
        early_raw = entry.get("early-closes", {})
        if not isinstance(early_raw, Mapping):
            raise ConfigError(f"{what}: 'early-closes' must be a table of date = \"HH:MM\"", source)
        holidays_raw = entry.get("holidays", [])
        if not isinstance(holidays_raw, (list, tuple)):
            raise ConfigError(f"{what}: 'holidays' must be a list of dates", source)
        sessions.append(
            SessionSpec(
                name=str(name),
                timezone=str(zone),
                weekdays=_parse_weekdays(entry.get("weekdays", ["mon", "tue", "wed", "thu", "fri"]), f"{what} weekdays", source),
                open=_parse_time(entry["open"], f"{what} open", source),
                close=_parse_time(entry["close"], f"{what} close", source),
                holidays=frozenset(_parse_date(d, f"{what} holiday", source) for d in holidays_raw),
                early_closes={
                    _parse_date(d, f"{what} early close", source): _parse_time(t, f"{what} early close {d}", source)
                    for d, t in early_raw.items()
                },
            )
        )
    return tuple(sessions)
