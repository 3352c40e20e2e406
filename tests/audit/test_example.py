"""``thor-guard audit examples/legacy_thor`` reports exactly the hidden spawners, with their paths."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from thor_guard.cli import cli

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "legacy_thor"

READY = "ThorTrading.apps:ThorTradingConfig.ready"
DELAYED = (READY, "ThorTrading.startup:schedule_delayed_start", "ThorTrading.startup:_delayed_start")
STACK = (*DELAYED, "ThorTrading.services.service_stack:start_service_stack")
GLOBAL = "ThorTrading.globalmarkets_hooks:_start_global_background_services"
VIEW = "ThorTrading.views:restart_monitor"
MONITOR = "ThorTrading.market_monitor:MarketMonitor.start"

# (path, kind, classification, function, call_path, guarded_by)
EXPECTED = [
    ("ThorTrading/globalmarkets_hooks.py", "loop", "guarded", "ThorTrading.globalmarkets_hooks:_global_services_loop",
     (*DELAYED, GLOBAL, "ThorTrading.globalmarkets_hooks:_global_services_loop"), GLOBAL),
    ("ThorTrading/globalmarkets_hooks.py", "thread", "guarded", GLOBAL, (*DELAYED, GLOBAL), GLOBAL),
    ("ThorTrading/locks.py", "loop", "allowed", "ThorTrading.locks:RenewingLock._renew_loop",
     (*STACK, "ThorTrading.locks:RenewingLock.acquire", "ThorTrading.locks:RenewingLock._renew_loop"), None),
    ("ThorTrading/locks.py", "thread", "allowed", "ThorTrading.locks:RenewingLock.acquire",
     (*STACK, "ThorTrading.locks:RenewingLock.acquire"), None),
    ("ThorTrading/market_monitor.py", "loop", "on-demand", "ThorTrading.market_monitor:MarketMonitor._watch",
     (VIEW, MONITOR, "ThorTrading.market_monitor:MarketMonitor._watch"), None),
    ("ThorTrading/market_monitor.py", "thread", "on-demand", MONITOR, (VIEW, MONITOR), None),
    ("ThorTrading/services/grading_service.py", "thread", "unguarded", "ThorTrading.services.grading_service:start_grading_service",
     ("ThorTrading.signals:grade_after_flush", "ThorTrading.services.grading_service:start_grading_service"), None),
    ("ThorTrading/services/poller.py", "loop", "unguarded", "ThorTrading.services.poller:_poll_quotes",
     (*STACK, "ThorTrading.services.poller:start_quote_poller", "ThorTrading.services.poller:_poll_quotes"), None),
    ("ThorTrading/services/poller.py", "thread", "unguarded", "ThorTrading.services.poller:start_quote_poller",
     (*STACK, "ThorTrading.services.poller:start_quote_poller"), None),
    ("ThorTrading/startup.py", "thread", "unguarded", "ThorTrading.startup:schedule_delayed_start",
     (READY, "ThorTrading.startup:schedule_delayed_start"), None),
]
CODES = {"unguarded": "TG010", "on-demand": "TG011"}


@pytest.fixture
def in_example(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(EXAMPLE)
    return EXAMPLE


def _json_audit(*args: str) -> tuple[int, dict[str, object]]:
    result = CliRunner().invoke(cli, ["audit", "--format", "json", "--no-cache", *args])
    return result.exit_code, json.loads(result.stdout)


def test_example_reports_exactly_the_hidden_spawners(in_example: Path) -> None:
    code, document = _json_audit("--show-guarded")
    assert code == 1
    spawns = document["spawns"]
    got = [
        (s["path"], s["spawn_kind"], s["classification"], s["function"], tuple(s["call_path"]), s["guarded_by"])
        for s in spawns  # type: ignore[union-attr]
    ]
    assert got == EXPECTED
    for spawn in spawns:  # type: ignore[union-attr]
        assert spawn["trigger"] == spawn["call_path"][0]
        line = (in_example / spawn["path"]).read_text().splitlines()[spawn["line"] - 1]
        assert ("while" in line) if spawn["spawn_kind"] == "loop" else ("threading.Thread(" in line)
    findings = [(f["code"], f["path"], f["spawn_kind"], f["function"], tuple(f["call_path"])) for f in document["findings"]]  # type: ignore[union-attr]
    expected_findings = [(CODES[c], p, k, fn, path) for p, k, c, fn, path, _ in EXPECTED if c in CODES]
    assert sorted(findings) == sorted(expected_findings)
    summary = document["summary"]
    assert (summary["unguarded"], summary["on_demand"], summary["guarded"], summary["allowed"]) == (4, 2, 2, 2)  # type: ignore[index]


def test_default_json_lists_only_findings(in_example: Path) -> None:
    code, document = _json_audit()
    assert code == 1
    assert {s["classification"] for s in document["spawns"]} == {"unguarded", "on-demand"}  # type: ignore[union-attr]
    assert len(document["findings"]) == 6  # type: ignore[arg-type]


def test_text_shows_the_spawn_line_and_the_arrow_path(in_example: Path) -> None:
    result = CliRunner().invoke(cli, ["audit", "--no-cache", "--no-color"])
    assert result.exit_code == 1
    assert (
        "ThorTrading/startup.py:32:15: TG010 [unguarded-spawn] threading.Thread(...) can start in heartbeat mode: "
        "reached from app-ready trigger ThorTrading.apps:ThorTradingConfig.ready with no scheduler-mode guard on the path"
    ) in result.stdout
    assert "    ThorTrading.apps:ThorTradingConfig.ready \u2192 ThorTrading.startup:schedule_delayed_start \u2192 threading.Thread(...)\n" in result.stdout
    assert "TG011 [on-demand-spawn]" in result.stdout
    assert "is guarded by" not in result.stdout and "is allowed by" not in result.stdout


def test_select_show_unreachable_and_explain(in_example: Path) -> None:
    result = CliRunner().invoke(cli, ["audit", "--no-cache", "--select", "TG011", "--show-unreachable", "--explain"])
    assert result.exit_code == 0  # TG011 is a warning: reported, but fails the run only with --fail-on warning
    strict = CliRunner().invoke(cli, ["audit", "--no-cache", "--select", "TG011", "--fail-on", "warning"])
    assert strict.exit_code == 1
    assert "TG010" not in result.stdout and result.stdout.count("TG011 [on-demand-spawn]") == 2
    assert "unreachable threading.Timer(...) is not reachable from any trigger" in result.stdout
    assert "could not be resolved statically" in result.stdout


def test_sarif_and_github_carry_the_findings(in_example: Path) -> None:
    sarif = CliRunner().invoke(cli, ["audit", "--no-cache", "--format", "sarif"])
    results = json.loads(sarif.stdout)["runs"][0]["results"]
    assert sorted(r["ruleId"] for r in results) == ["TG010"] * 4 + ["TG011"] * 2
    assert all("call_path" in r["properties"] for r in results)
    github = CliRunner().invoke(cli, ["audit", "--no-cache", "--format", "github"])
    assert github.stdout.count("::error ") == 4 and github.stdout.count("::warning ") == 2


def test_init_proposes_and_writes_the_outermost_functions(tmp_path: Path) -> None:
    project = tmp_path / "legacy_thor"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns(".thor_guard_cache", "__pycache__", "var"))
    runner = CliRunner()
    printed = runner.invoke(cli, ["init", str(project), "--no-cache"])
    assert printed.exit_code == 1
    assert 'entry-points = [\n    "ThorTrading.services.grading_service:start_grading_service",\n    "ThorTrading.startup:schedule_delayed_start",\n]\n' in printed.stdout
    assert "# on demand (TG011), decide by hand: ThorTrading.views:restart_monitor" in printed.stdout
    written = runner.invoke(cli, ["init", str(project), "--write", "--no-cache"])
    assert written.exit_code == 0, written.output
    from thor_guard.config import load_config

    config = load_config([project])
    assert {str(t) for t in config.entry_points} >= {
        "ThorTrading.services.grading_service:start_grading_service",
        "ThorTrading.startup:schedule_delayed_start",
    }
    again = runner.invoke(cli, ["init", str(project), "--no-cache"])
    assert again.exit_code == 0  # nothing left to propose


def test_console_script_and_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.thor-guard]\npreset = "none"\n')
    (tmp_path / "ok.py").write_text("def f():\n    return 1\n")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    script = Path(sys.executable).with_name("thor-guard")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "thor_guard"]
    clean = subprocess.run([*command, "audit", str(tmp_path), "--no-cache"], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert clean.returncode == 0, clean.stderr
    assert clean.stdout.startswith("No findings (0 spawn sites")
    (tmp_path / "broken.py").write_text("from threading import Thread\ndef f(:\n")
    (tmp_path / "boot.py").write_text("import threading\nthreading.Thread(target=print).start()\n")
    broken = subprocess.run([*command, "audit", str(tmp_path), "--no-cache"], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert broken.returncode == 2
    assert "broken.py: error: syntax error at line 2, column 7: invalid syntax" in broken.stderr
    assert "boot.py:2:1: TG010" in broken.stdout  # every other file is still audited
    missing = subprocess.run([*command, "audit", str(tmp_path / "nope")], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert missing.returncode == 2 and "path does not exist" in missing.stderr


def test_init_in_a_project_without_configuration(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "svc.py").write_text("import threading\ndef start():\n    threading.Thread(target=print).start()\n")
    (tmp_path / "app" / "boot.py").write_text("from app.svc import start\nstart()\n")
    result = CliRunner().invoke(cli, ["init", str(tmp_path), "--write", "--no-cache"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "pyproject.toml").read_text()
    # explicit entry-points replace the preset: no `preset = "none"` needed
    assert text.startswith("[tool.thor-guard]\n") and "preset" not in text and '"app.svc:start",' in text
    check = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert "TG001" in check.stdout and "TG008" not in check.stdout


def test_paths_select_what_is_reported_not_what_is_analysed(in_example: Path) -> None:
    code, document = _json_audit("ThorTrading/services/poller.py")
    assert code == 1
    assert [(f["function"], f["call_path"][0]) for f in document["findings"]] == [  # type: ignore[index, union-attr]
        ("ThorTrading.services.poller:_poll_quotes", READY),
        ("ThorTrading.services.poller:start_quote_poller", READY),
    ]
