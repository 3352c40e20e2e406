"""Configuration: validation with did-you-mean, Django-style keys, overrides, job binding errors, the mode gate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from heartbeat.jobs import DEFAULT_JOB_NAMES, Job, build_jobs, resolve_target
from heartbeat.mode import ModeError, check_scheduler_mode
from heartbeat.runner import RunOptions, create_runner
from heartbeat.settings import apply_overrides, merge_tables, parse_settings
from thor_guard.config import build_config
from thor_guard.errors import ConfigError

ROOT = Path("/srv/project")
RECORD = "tests.heartbeat.jobs_for_tests:record"


def parse(table: dict[str, object]):  # type: ignore[no-untyped-def]
    return parse_settings(table, project_root=ROOT, source=ROOT / "pyproject.toml")


def test_defaults_and_derived_paths() -> None:
    settings = parse({})
    assert (settings.fast_tick, settings.slow_tick, settings.lock, settings.lock_ttl) == (1.0, 60.0, "file", 10.0)
    assert settings.renew_interval == pytest.approx(10.0 / 3)
    assert settings.resolved_lock_path.name.startswith("thor-guard-heartbeat-project-")
    assert settings.resolved_status_path.parent == settings.resolved_lock_path.parent
    assert settings.resolved_status_path.name.endswith(".status.json")
    assert settings.resolved_lock_key == "thor-guard:heartbeat:project"


def test_unknown_key_names_the_nearest_one() -> None:
    with pytest.raises(ConfigError, match=r"unknown key 'fast-tik' in the heartbeat table \(did you mean 'fast-tick'\?\)"):
        parse({"fast-tik": 1})


def test_django_style_keys_are_the_same_keys() -> None:
    settings = parse(merge_tables({"fast-tick": 5.0}, {"FAST_TICK": 0.5, "Lock": "none", "JOBS": {"intraday": RECORD}}))
    assert settings.fast_tick == 0.5
    assert settings.lock == "none"
    assert settings.jobs[0].name == "intraday"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"lock": "zookeeper"}, "'lock' must be one of file, redis, none"),
        ({"fast-tick": 0}, "'fast-tick' must be a positive number"),
        ({"fast-tick": 10, "slow-tick": 5}, "fast tick .* is longer than the slow tick"),
        ({"lock-ttl": 3, "lock-renew": 3}, "'lock-renew' .* must be shorter than 'lock-ttl'"),
        ({"cadence": "not a target"}, "must have the form 'module:qualname'"),
        ({"jobs": {"intraday": {"target": RECORD, "intervall": 2}}}, r"unknown key 'intervall' in job 'intraday' \(did you mean 'interval'\?\)"),
        ({"jobs": {"intraday": {"target": RECORD, "when": "opened"}}}, r"when must be one of open, always, preopen.*did you mean 'open'"),
        ({"sessions": [{"name": "X", "timezone": "Mars/Olympus", "open": "09:00", "close": "10:00"}]}, "unknown time zone"),
        ({"sessions": [{"name": "X", "timezone": "UTC", "open": "25:00", "close": "10:00"}]}, "not a valid time"),
        ({"sessions": [{"name": "X", "timezone": "UTC", "open": "09:00", "close": "10:00", "weekdays": ["funday"]}]}, "not a weekday"),
        ({"sessions": [{"name": "X", "timezone": "UTC", "open": "09:00"}]}, "needs 'close'"),
    ],
)
def test_invalid_values_are_one_clear_error(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message) as info:
        parse(table)
    assert info.value.path == ROOT / "pyproject.toml"


def test_sessions_parse_dates_times_and_weekdays() -> None:
    settings = parse(
        {
            "sessions": [
                {
                    "name": "NYSE", "timezone": "America/New_York", "weekdays": ["Mon", "tue", 2, "thu", "fri"],
                    "open": "09:30", "close": "16:00", "holidays": ["2026-11-26", dt.date(2026, 12, 25)],
                    "early-closes": {"2026-11-27": "13:00"},
                }
            ]
        }
    )
    (session,) = settings.sessions
    assert session.weekdays == frozenset({0, 1, 2, 3, 4})
    assert session.holidays == frozenset({dt.date(2026, 11, 26), dt.date(2026, 12, 25)})
    assert session.early_closes == {dt.date(2026, 11, 27): dt.time(13, 0)}
    assert not session.spans_midnight


def test_flags_override_configuration() -> None:
    settings = apply_overrides(parse({"fast-tick": 1.0, "slow-tick": 60.0}), fast_tick=0.2, lock="none", redis_url="redis://x")
    assert (settings.fast_tick, settings.slow_tick, settings.lock, settings.redis_url) == (0.2, 60.0, "none", "redis://x")
    assert apply_overrides(parse({}), fast_tick=90.0).slow_tick == 90.0
    with pytest.raises(ConfigError, match="longer than the slow tick"):
        apply_overrides(parse({}), fast_tick=5.0, slow_tick=1.0)


def test_redis_url_from_the_environment_wins() -> None:
    settings = parse({"redis-url": "redis://config"})
    assert settings.resolved_redis_url({}) == "redis://config"
    assert settings.resolved_redis_url({"THOR_HEARTBEAT_REDIS_URL": "redis://env"}) == "redis://env"


def test_jobs_keep_design_order_with_overrides_and_extras() -> None:
    settings = parse(
        {
            "jobs": {
                "closed_bars_flush": RECORD,
                "intraday": {"target": RECORD, "interval": 0.5, "when": "always"},
                "journal": {"target": RECORD, "interval": 0.05},
            }
        }
    )
    extra = Job("in_code", 3.0, "open", fn=lambda ctx: None)  # type: ignore[arg-type]
    jobs = build_jobs(settings.jobs, extra=[extra])
    assert [j.name for j in jobs] == [*DEFAULT_JOB_NAMES, "journal", "in_code"]
    assert (jobs[0].interval, jobs[0].when, jobs[0].bound) == (0.5, "always", True)
    assert (jobs[1].interval, jobs[1].when, jobs[1].bound) == (2.0, "open", False)
    assert jobs[7].bound and jobs[7].target == RECORD
    assert (jobs[8].interval, jobs[8].when) == (0.05, "always")


def test_a_misspelt_default_job_is_reported_with_the_nearest_name() -> None:
    settings = parse({"jobs": {"intrday": RECORD}})
    with pytest.raises(ConfigError, match=r"unknown job 'intrday' \(did you mean 'intraday'\?\)"):
        build_jobs(settings.jobs)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("tests.heartbeat.no_such_module:run", r"job 'intraday': cannot bind 'tests.heartbeat.no_such_module:run': module 'tests.heartbeat.no_such_module' not found"),
        ("tests.heartbeat.jobs_for_tests:recrod", r"job 'intraday': cannot bind 'tests.heartbeat.jobs_for_tests:recrod': 'tests.heartbeat.jobs_for_tests' has no attribute 'recrod' \(did you mean 'record'\?\)"),
        ("tests.heartbeat.jobs_for_tests:not_callable", r"job 'intraday': cannot bind 'tests.heartbeat.jobs_for_tests:not_callable': int object is not callable"),
        ("tests.heartbeat.jobs_for_tests:record.attr", r"has no attribute 'record.attr'"),
    ],
)
def test_binding_errors_name_the_job_and_the_target(target: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        resolve_target(target, job="intraday")


def test_import_errors_inside_the_target_module_name_the_job(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "broken_jobs_mod.py").write_text("import does_not_exist_either\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ConfigError, match=r"job 'x': cannot bind 'broken_jobs_mod:run': importing 'broken_jobs_mod' failed"):
        resolve_target("broken_jobs_mod:run", job="x")


def test_unbound_default_jobs_refuse_to_start_unless_allowed(tmp_path: Path) -> None:
    settings = parse_settings(
        {"jobs": {"intraday": RECORD}, "cadence": "heartbeat.cadence:always_open", "lock-path": str(tmp_path / "l.lock")},
        project_root=tmp_path,
    )
    with pytest.raises(ConfigError, match=r"7 job\(s\) not bound to a function: week52_extremes, session_volume, .*--allow-unbound"):
        create_runner(settings, RunOptions())
    runner = create_runner(settings, RunOptions(allow_unbound=True))
    assert [job.name for job in runner.scheduler.jobs] == ["intraday"]


def test_sessions_or_a_cadence_are_required(tmp_path: Path) -> None:
    settings = parse_settings({"jobs": {n: RECORD for n in DEFAULT_JOB_NAMES}}, project_root=tmp_path)
    with pytest.raises(ConfigError, match="no market sessions configured"):
        create_runner(settings, RunOptions())


@pytest.mark.parametrize("value", [None, "heartbeat", "Heartbeat", "HEARTBEAT"])
def test_heartbeat_mode_values_allow_the_start(value: str | None) -> None:
    environ = {} if value is None else {"THOR_SCHEDULER_MODE": value}
    check_scheduler_mode(build_config({}, root=ROOT), environ)


@pytest.mark.parametrize(("value", "message"), [("legacy", "legacy scheduler mode is active"), ("LEGACY", "legacy scheduler mode"), ("hb", "is neither 'heartbeat' nor 'legacy'"), ("", "is neither")])
def test_legacy_and_unknown_modes_refuse(value: str, message: str) -> None:
    with pytest.raises(ModeError, match=message):
        check_scheduler_mode(build_config({}, root=ROOT), {"THOR_SCHEDULER_MODE": value})


def test_mode_variable_and_values_come_from_the_config() -> None:
    config = build_config({"env-var": "APP_SCHED", "heartbeat-value": "beat", "legacy-value": "old"}, root=ROOT)
    check_scheduler_mode(config, {"APP_SCHED": "BEAT", "THOR_SCHEDULER_MODE": "legacy"})
    with pytest.raises(ModeError, match="APP_SCHED='old'"):
        check_scheduler_mode(config, {"APP_SCHED": "old"})
