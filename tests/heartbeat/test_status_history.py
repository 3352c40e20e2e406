"""History and counters that survive a failover (file and Redis stores), ``heartbeat-status --job``, the tick age."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from heartbeat.jobs import Job
from heartbeat.runner import RunOptions, create_runner
from heartbeat.settings import parse_settings
from heartbeat.status import HISTORY_SIZE, StatusRecorder, format_text, problems, tick_age, with_age
from tests.heartbeat.helpers import JOB_NAMES, write_config
from tests.heartbeat.jobs_for_tests import JOURNAL_ENV, read_journal
from tests.redis_server import RedisServer
from thor_guard.cli import cli


@pytest.fixture(autouse=True)
def _journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(JOURNAL_ENV, str(tmp_path / "journal.jsonl"))
    monkeypatch.delenv("THOR_SCHEDULER_MODE", raising=False)
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)


def settings_for(tmp_path: Path, **extra: Any) -> Any:
    return parse_settings(
        {
            "fast-tick": 0.02, "slow-tick": 0.02, "lock-path": str(tmp_path / "hb.lock"), "cadence": "heartbeat.cadence:always_open",
            "jobs": {name: {"target": "tests.heartbeat.jobs_for_tests:record", "interval": 0.02, "when": "always"} for name in JOB_NAMES},
            **extra,
        },
        project_root=tmp_path,
    )


def run_leader(settings: Any, ticks: int) -> dict[str, Any]:
    runner = create_runner(settings, RunOptions(max_ticks=ticks))
    runner.run(install_signals=False)
    return runner.recorder.snapshot()


def test_counters_and_history_survive_a_failover_with_the_file_lock(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    first = run_leader(settings, 3)
    second = run_leader(settings, 4)  # another process in production; a new runner here
    stored = json.loads(settings.resolved_status_path.read_text())
    journal = read_journal(tmp_path / "journal.jsonl")
    for name in JOB_NAMES:
        ran = sum(1 for r in journal if r["job"] == name)  # a slot the first leader ran is not run again: 6 or 7
        assert first["jobs"][name]["runs"] == 3
        assert second["jobs"][name]["runs"] == stored["jobs"][name]["runs"] == ran > 3
        history = stored["jobs"][name]["history"]
        assert len(history) == ran and [h["outcome"] for h in history] == ["ok"] * ran
        assert [h["slot"] for h in history] == sorted({h["slot"] for h in history}), "one entry per slot, in order"


def test_counters_and_history_survive_a_failover_with_the_redis_lock(tmp_path: Path, redis_server: RedisServer) -> None:
    settings = settings_for(tmp_path, lock="redis", **{"redis-url": redis_server.url, "lock-key": "hb:history", "lock-ttl": 2.0})
    run_leader(settings, 2)
    second = run_leader(settings, 3)
    # the status lives beside the hash-tagged lock key ({hb:history}:status), one Redis Cluster slot for all keys
    assert settings.redis_key == "{hb:history}"
    stored = json.loads(redis_server.client().get(settings.redis_key + ":status"))
    ran = sum(1 for r in read_journal(tmp_path / "journal.jsonl") if r["job"] == "intraday")
    assert stored["jobs"]["intraday"]["runs"] == second["jobs"]["intraday"]["runs"] == ran > 2
    assert len(stored["jobs"]["intraday"]["history"]) == ran


def test_history_keeps_the_last_runs_only() -> None:
    recorder = StatusRecorder(None, leader_id="t", lock_kind="none", jobs=[Job("a", 1.0, "always", fn=lambda ctx: None)])
    for slot in range(HISTORY_SIZE + 5):
        recorder.job_finished("a", slot=slot, start=float(slot), duration=0.001, error="E: x" if slot % 2 else None, overran=False, missed=0)
    history = recorder.jobs["a"].history
    assert [h["slot"] for h in history] == list(range(5, HISTORY_SIZE + 5))
    assert history[-1] == {"slot": 14, "start": 14.0, "duration": 0.001, "outcome": "ok", "error": None, "timed_out": False}


def test_the_tick_age_is_never_null_and_a_new_leader_keeps_the_last_tick_time(tmp_path: Path) -> None:
    from heartbeat.status import FileStatusStore

    store = FileStatusStore(tmp_path / "status.json")
    jobs = [Job("a", 1.0, "always", fn=lambda ctx: None)]
    first = StatusRecorder(store, leader_id="a:1", lock_kind="file", jobs=jobs)
    first.resume_slots()
    first.became_leader(1, 100.0)
    assert tick_age(store.load() or {}, 105.0) == 5.0, "before the first tick: the age of the leadership"
    first.tick(1, 101.0, "fast", [], 0)
    first.flush()
    second = StatusRecorder(store, leader_id="b:2", lock_kind="file", jobs=jobs)
    second.resume_slots()
    second.became_leader(2, 130.0)
    document = store.load() or {}
    assert document["leader"] == "b:2" and document["tick_time"] == 101.0
    assert with_age(document, 131.0)["seconds_since_tick"] == 30.0
    assert problems(document, 131.0, 10.0) == ["last tick 30.0 s ago, older than 10 s"]
    assert problems(document, 131.0, None) == []
    assert format_text(document, 131.0, "here", 10.0).startswith("status:  stale (running): last tick 30.0 s ago")


def test_heartbeat_status_job_shows_counters_traceback_and_history(tmp_path: Path) -> None:
    config = write_config(tmp_path, tick=0.02)
    config.write_text(
        config.read_text().replace(
            'intraday = { target = "tests.heartbeat.jobs_for_tests:record"', 'intraday = { target = "tests.heartbeat.jobs_for_tests:fail"'
        )
    )
    result = CliRunner().invoke(cli, ["run-heartbeat", "--config", str(config), "--max-ticks", "3"])
    assert result.exit_code == 0, result.output
    shown = CliRunner().invoke(cli, ["heartbeat-status", "--config", str(config), "--job", "intraday"])
    assert shown.exit_code == 0, shown.output
    text = shown.output
    assert "job:      intraday (every 0.02 s, when always, timeout 1.0 s" in text
    assert re.search(r"^counters: runs=3 failures=3 overruns=0 timeouts=0 missed_slots=\d+$", text, re.M), text
    assert "last traceback:\n  Traceback (most recent call last):" in text
    assert "RuntimeError: intraday failed on purpose" in text
    assert "last 3 runs:" in text and text.count(" error   ") == 3
    as_json = CliRunner().invoke(cli, ["heartbeat-status", "--config", str(config), "--job", "intraday", "--format", "json"])
    assert [h["outcome"] for h in json.loads(as_json.output)["history"]] == ["error"] * 3
    typo = CliRunner().invoke(cli, ["heartbeat-status", "--config", str(config), "--job", "intraday_"])
    assert typo.exit_code == 2
    assert "no job 'intraday_' in the heartbeat status" in typo.output and "(did you mean 'intraday'?)" in typo.output


def test_one_status_document_carries_the_job_fields_and_the_lock_fields_and_the_text_shows_both() -> None:
    """The two halves of issue 13 write one document: the running job (worker design) beside the lock's
    availability (Redis outages); ``heartbeat-status`` shows each, and a stop that left a job names it."""
    jobs = [Job("a", 1.0, "always", fn=lambda ctx: None), Job("b", 1.0, "always", fn=lambda ctx: None)]
    recorder = StatusRecorder(None, leader_id="h:1", lock_kind="redis", jobs=jobs)
    fresh = recorder.snapshot()
    for key in ("running_job", "running_since", "abandoned_jobs", "lock_unavailable_since", "lock_last_outage"):
        assert key in fresh, key
    recorder.became_leader(7, 100.0)
    recorder.tick(1, 100.0, "fast", [], 0)
    recorder.job_started("a", 100.5)
    recorder.lock_availability(101.0)
    document = recorder.snapshot()
    assert document["running_job"] == "a" and document["running_since"] == 100.5
    text = format_text(document, 103.0, "redis")
    assert "lock:    unavailable since" in text and "running: a since" in text
    recorder.lock_availability(None)
    text = format_text(recorder.snapshot(), 104.0, "redis")
    assert "lock:    last unavailable" in text and "lock:    unavailable since" not in text
    recorder.stopped(105.0)
    stopped = recorder.snapshot()
    assert stopped["state"] == "stopping" and stopped["abandoned_jobs"] == ["a"]
    assert "left unfinished at the stop: a" in format_text(stopped, 106.0, "redis")
