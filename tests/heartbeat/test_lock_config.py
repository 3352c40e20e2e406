"""Jobs come from the configuration (issue 13 item 14), the status file is readable by a monitoring user (item 15),
and counts in the logs are pluralised, checked through the real CLI."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.heartbeat.helpers import REPO
from tests.heartbeat.jobs_for_tests import JOURNAL_ENV, read_journal
from thor_guard.cli import cli


@pytest.fixture(autouse=True)
def _journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "journal.jsonl"
    monkeypatch.setenv(JOURNAL_ENV, str(path))
    monkeypatch.delenv("THOR_SCHEDULER_MODE", raising=False)
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    return path


def _pyproject(tmp_path: Path, tool: str = "", heartbeat: str = "", jobs: str = "") -> Path:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        f"""[tool.thor-guard]
source-roots = ["{REPO}"]
{tool}
[tool.thor-guard.heartbeat]
fast-tick = 0.02
slow-tick = 0.02
lock-path = "{tmp_path / 'hb.lock'}"
cadence = "heartbeat.cadence:always_open"
{heartbeat}
[tool.thor-guard.heartbeat.jobs]
{jobs}
"""
    )
    return path


def _run(config: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["run-heartbeat", "--config", str(config), *args])
    return result.exit_code, result.output


def test_a_project_without_the_thor_preset_runs_exactly_its_own_jobs(tmp_path: Path, _journal: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = _pyproject(
        tmp_path,
        jobs='sync = { target = "tests.heartbeat.jobs_for_tests:record", interval = 0.02 }\n'
        'report = { target = "tests.heartbeat.jobs_for_tests:record", interval = 0.04 }\n',
    )
    with caplog.at_level(logging.INFO, logger="heartbeat"):
        code, output = _run(config, "--max-ticks", "1")
    assert code == 0, output
    assert "Registered 2 jobs: sync, report" in caplog.text
    assert "Unbound" not in caplog.text and "allow-unbound" not in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert {r["job"] for r in read_journal(_journal)} == {"sync", "report"}
    assert "Stopped after 1 tick (2 job runs, 0 failed); lock released" in caplog.text


def test_the_thor_preset_brings_the_eight_names_and_allow_unbound_is_a_config_key(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    one = 'intraday = "tests.heartbeat.jobs_for_tests:record"\n'
    config = _pyproject(tmp_path, tool='preset = "thor"', jobs=one)
    code, output = _run(config, "--max-ticks", "1")
    assert code == 2 and "7 jobs of preset 'thor' not bound to a function: week52_extremes" in output
    config = _pyproject(tmp_path, tool='preset = "thor"', heartbeat="allow-unbound = true", jobs=one)
    with caplog.at_level(logging.INFO, logger="heartbeat"):
        code, output = _run(config, "--max-ticks", "1")
    assert code == 0, output
    assert "Registered 1 job: intraday" in caplog.text
    assert "Unbound preset jobs will not run (allow-unbound): week52_extremes" in caplog.text
    config = _pyproject(tmp_path, tool='preset = "thor"', heartbeat="allow_unbond = true", jobs=one)
    code, output = _run(config, "--max-ticks", "1")
    assert code == 2 and "unknown key 'allow-unbond' in the heartbeat table (did you mean 'allow-unbound'?)" in output


def test_a_cadence_typo_names_the_cadence(tmp_path: Path) -> None:
    config = _pyproject(tmp_path, jobs='a = { target = "tests.heartbeat.jobs_for_tests:record", interval = 1 }\n')
    config.write_text(config.read_text().replace("always_open", "alway_open"))
    code, output = _run(config, "--max-ticks", "1")
    assert code == 2
    assert "heartbeat 'cadence': cannot bind 'heartbeat.cadence:alway_open'" in output and "did you mean 'always_open'" in output
    assert "job 'cadence'" not in output


@pytest.mark.parametrize(("setting", "mode"), [("", 0o644), ('status-mode = "0640"', 0o640), ("status-mode = 0o600", 0o600)])
def test_the_status_file_mode_is_0644_unless_configured(tmp_path: Path, setting: str, mode: int) -> None:
    config = _pyproject(tmp_path, heartbeat=setting, jobs='a = { target = "tests.heartbeat.jobs_for_tests:record", interval = 0.02 }\n')
    code, output = _run(config, "--max-ticks", "2")
    assert code == 0, output
    status = tmp_path / "hb.status.json"
    assert stat.S_IMODE(status.stat().st_mode) == mode
    assert stat.S_IMODE((tmp_path / "hb.lock").stat().st_mode) & 0o044 == 0o044
