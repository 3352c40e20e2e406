"""Configuration: validation with did-you-mean, Django-style keys, overrides, job binding errors, the mode gate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from heartbeat.jobs import DEFAULT_JOB_NAMES, DEFAULT_JOBS, Job, build_jobs, resolve_target
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
    settings = parse({"project": "shop"})
    assert (settings.fast_tick, settings.slow_tick, settings.lock, settings.lock_ttl) == (1.0, 60.0, "file", 10.0)
    assert settings.renew_interval == pytest.approx(10.0 / 3)
    assert (settings.preset, settings.allow_unbound, settings.stop_grace, settings.status_mode) == ("none", False, 10.0, 0o644)
    assert settings.resolved_lock_path == Path("/run/lock/thor-guard-heartbeat-shop.lock")
    assert settings.resolved_status_path == Path("/run/lock/thor-guard-heartbeat-shop.status.json")
    assert settings.resolved_lock_key == "thor-guard:heartbeat:shop"
    assert settings.redis_key == "{thor-guard:heartbeat:shop}"
    assert not settings.lock_key_is_default


def test_lock_key_names_the_redis_key_and_the_lock_file() -> None:
    settings = parse({"lock-key": "shop-prod"})
    assert settings.resolved_lock_key == "shop-prod"
    assert settings.redis_key == "{shop-prod}"
    assert settings.resolved_lock_path == Path("/run/lock/thor-guard-heartbeat-shop-prod.lock")
    # a key that already carries a Redis Cluster hash tag is used as written
    assert parse({"lock-key": "apps:{shop}:heartbeat"}).redis_key == "apps:{shop}:heartbeat"
    with pytest.raises(ConfigError, match="'lock-key' must not contain whitespace"):
        parse({"lock-key": "shop prod"})
    assert parse({"lock-key": "../../etc/x", "lock": "file"}).resolved_lock_path == Path("/run/lock/thor-guard-heartbeat-_.._etc_x.lock")


def test_the_default_identity_depends_on_the_configuration_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 13 item 7: not on TMPDIR, not on the checkout's directory name (app vs app_v2)."""
    import tempfile

    table = {"jobs": {"a": {"target": RECORD, "interval": 1}}}
    seen = set()
    for directory, tmpdir in (("app", "t1"), ("app_v2", "t2")):
        (tmp_path / tmpdir).mkdir()
        monkeypatch.setenv("TMPDIR", str(tmp_path / tmpdir))
        monkeypatch.setattr(tempfile, "tempdir", None)
        settings = parse_settings(table, project_root=tmp_path / directory, source=tmp_path / directory / "pyproject.toml")
        seen.add((settings.resolved_lock_key, settings.resolved_lock_path, settings.redis_key))
        assert settings.lock_key_is_default
    assert len(seen) == 1
    (key, path, _), = seen
    assert key.startswith("thor-guard:heartbeat:jobs-") and path.parent == Path("/run/lock")
    # [project] name of the pyproject wins over the job hash; `project` wins over both
    named = parse_settings(table, project_root=tmp_path, package_name="shop")
    assert named.resolved_lock_key == "thor-guard:heartbeat:shop" and named.lock_key_is_default
    assert parse_settings({**table, "project": "web"}, project_root=tmp_path, package_name="shop").resolved_lock_key == "thor-guard:heartbeat:web"
    # a different set of jobs is a different project
    other = parse_settings({"jobs": {"b": {"target": RECORD, "interval": 1}}}, project_root=tmp_path)
    assert other.resolved_lock_key != key


def test_load_settings_reads_the_package_name_and_an_explicit_preset(tmp_path: Path) -> None:
    from heartbeat.runner import load_settings
    from thor_guard.config import load_config

    for directory in ("app", "app_v2"):
        (tmp_path / directory).mkdir()
        (tmp_path / directory / "pyproject.toml").write_text(
            '[project]\nname = "shop"\n[tool.thor-guard]\npreset = "thor"\n[tool.thor-guard.heartbeat]\nfast-tick = 1\n'
        )
        settings = load_settings(load_config([tmp_path / directory]), with_django=False)
        assert (settings.resolved_lock_key, settings.preset) == ("thor-guard:heartbeat:shop", "thor")
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "pyproject.toml").write_text("[tool.thor-guard]\n[tool.thor-guard.heartbeat]\nfast-tick = 1\n")
    assert load_settings(load_config([tmp_path / "plain"]), with_django=False).preset == "none"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"allow_unbond": True}, r"unknown key 'allow-unbond' in the heartbeat table \(did you mean 'allow-unbound'\?\)"),
        ({"allow-unbound": "yes"}, r"'allow-unbound' must be true or false"),
        ({"preset": "thr"}, r"'preset' must be one of thor, none, got 'thr' \(did you mean 'thor'\?\)"),
        ({"stop-grace": -1}, r"'stop-grace' must be a positive number"),
        ({"status-mode": "0200"}, r"'status-mode' must be a file mode"),
        ({"status-mode": "rw-r--r--"}, r"'status-mode' must be a file mode"),
        ({"lock-kye": "x"}, r"did you mean 'lock-key'"),
    ],
)
def test_new_keys_are_validated_with_did_you_mean(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse(table)


def test_new_keys_parse() -> None:
    settings = parse({"allow-unbound": True, "preset": "thor", "stop-grace": 2.5, "status-mode": "0640"})
    assert (settings.allow_unbound, settings.preset, settings.stop_grace, settings.status_mode) == (True, "thor", 2.5, 0o640)
    assert parse({"status-mode": 0o600}).status_mode == 0o600
    assert parse({"preset": "none"}, ).preset == "none"
    assert parse_settings({}, project_root=ROOT, preset="thor").preset == "thor"
    assert parse_settings({"preset": "none"}, project_root=ROOT, preset="thor").preset == "none"


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
    jobs = build_jobs(settings.jobs, extra=[extra], defaults=DEFAULT_JOBS)
    assert [j.name for j in jobs] == [*DEFAULT_JOB_NAMES, "journal", "in_code"]
    assert (jobs[0].interval, jobs[0].when, jobs[0].bound) == (0.5, "always", True)
    assert (jobs[1].interval, jobs[1].when, jobs[1].bound) == (2.0, "open", False)
    assert jobs[7].bound and jobs[7].target == RECORD
    assert (jobs[8].interval, jobs[8].when) == (0.05, "always")


def test_a_misspelt_default_job_is_reported_with_the_nearest_name() -> None:
    settings = parse({"jobs": {"intrday": RECORD}})
    with pytest.raises(ConfigError, match=r"unknown job 'intrday' \(did you mean 'intraday'\?\)"):
        build_jobs(settings.jobs, defaults=DEFAULT_JOBS)
    # without the thor preset the eight names mean nothing special: a job needs its interval
    with pytest.raises(ConfigError, match=r"job 'intrday' needs an interval"):
        build_jobs(settings.jobs, defaults=())
    with pytest.raises(ConfigError, match=r"job 'intraday' needs an interval.*preset = \"thor\""):
        build_jobs(parse({"jobs": {"intraday": RECORD}}).jobs, defaults=())


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


def test_unbound_preset_jobs_refuse_to_start_unless_allowed(tmp_path: Path) -> None:
    table = {"preset": "thor", "jobs": {"intraday": RECORD}, "cadence": "heartbeat.cadence:always_open", "lock-path": str(tmp_path / "l.lock")}
    settings = parse_settings(table, project_root=tmp_path)
    with pytest.raises(ConfigError, match=r"7 jobs of preset 'thor' not bound to a function: week52_extremes, session_volume, .*allow-unbound = true"):
        create_runner(settings, RunOptions())
    runner = create_runner(settings, RunOptions(allow_unbound=True))
    assert [job.name for job in runner.scheduler.jobs] == ["intraday"]
    # the same from the configuration key (issue 13 item 14)
    runner = create_runner(parse_settings({**table, "allow-unbound": True}, project_root=tmp_path), RunOptions())
    assert [job.name for job in runner.scheduler.jobs] == ["intraday"]
    with pytest.raises(ConfigError, match=r"^.*1 job of preset 'thor' not bound"):
        bound7 = {n: RECORD for n in DEFAULT_JOB_NAMES[:7]}
        create_runner(parse_settings({**table, "jobs": bound7}, project_root=tmp_path), RunOptions())


def test_a_project_without_the_preset_runs_exactly_its_own_jobs(tmp_path: Path) -> None:
    table = {
        "jobs": {"sync": {"target": RECORD, "interval": 5}, "report": {"target": RECORD, "interval": 60, "when": "open"}},
        "cadence": "heartbeat.cadence:always_open",
        "lock-path": str(tmp_path / "l.lock"),
    }
    runner = create_runner(parse_settings(table, project_root=tmp_path), RunOptions())
    assert [(j.name, j.interval, j.when) for j in runner.scheduler.jobs] == [("sync", 5.0, "always"), ("report", 60.0, "open")]
    assert not [j for j in runner.jobs if not j.bound]
    with pytest.raises(ConfigError, match="no jobs configured"):
        create_runner(parse_settings({"cadence": "heartbeat.cadence:always_open"}, project_root=tmp_path), RunOptions())


def test_a_cadence_typo_is_reported_as_the_cadence_not_as_a_job(tmp_path: Path) -> None:
    table = {"jobs": {"a": {"target": RECORD, "interval": 1}}, "cadence": "heartbeat.cadence:always_opn", "lock-path": str(tmp_path / "l.lock")}
    with pytest.raises(ConfigError, match=r"heartbeat 'cadence': cannot bind 'heartbeat.cadence:always_opn'.*did you mean 'always_open'") as info:
        create_runner(parse_settings(table, project_root=tmp_path), RunOptions())
    assert "job 'cadence'" not in str(info.value)


def test_sessions_or_a_cadence_are_required(tmp_path: Path) -> None:
    settings = parse_settings({"preset": "thor", "jobs": {n: RECORD for n in DEFAULT_JOB_NAMES}}, project_root=tmp_path)
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
