"""The example project: ``check`` reports exactly the seeded problems, and they are real.

examples/legacy_thor is left half-migrated on purpose (issue 2, item 8):
three entry points guarded (canonical, ``from os import getenv`` returning
False, a guard helper in another module), three unguarded, one late guard
and one on the older opt-in flag. The second test runs every entry point in
a subprocess with ``threading.Thread.start`` recorded, to show that each
really starts a thread or timer in legacy mode and that exactly the guarded
ones stay quiet in heartbeat mode.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


from tests.check.project import cli_runner
from thor_guard.commands.check import check

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "legacy_thor"

SEEDED = {
    ("TG001", "ThorTrading.globalmarkets_hooks:_stop_global_background_services", "ThorTrading/globalmarkets_hooks.py"),
    ("TG001", "ThorTrading.services.Week52Supervisor:_Week52ExtremesMonitor.start", "ThorTrading/services/Week52Supervisor.py"),
    ("TG001", "ThorTrading.services.intraday_supervisor.supervisor:IntradayMarketSupervisor.on_market_close", "ThorTrading/services/intraday_supervisor/supervisor.py"),
    ("TG002", "ThorTrading.services.vwap_capture:VWAPMinuteCaptureService.start", "ThorTrading/services/vwap_capture.py"),
    ("TG007", "ThorTrading.services.PreOpenBacktestSupervisor:_PreOpenBacktestRunner.start", "ThorTrading/services/PreOpenBacktestSupervisor.py"),
}
GUARDED = {
    "ThorTrading.globalmarkets_hooks:_start_global_background_services",
    "ThorTrading.services.stack_start:start_preopen_backtest_supervisor_wrapper",
    "ThorTrading.services.intraday_supervisor.supervisor:IntradayMarketSupervisor.on_market_open",
}

# How to call each entry point without Django: (module, expression evaluated with the module as `m`).
CALLS = {
    "ThorTrading.globalmarkets_hooks:_start_global_background_services": "m._start_global_background_services()",
    "ThorTrading.globalmarkets_hooks:_stop_global_background_services": "m._stop_global_background_services(timeout=0)",
    "ThorTrading.services.stack_start:start_preopen_backtest_supervisor_wrapper": "m.start_preopen_backtest_supervisor_wrapper()",
    "ThorTrading.services.Week52Supervisor:_Week52ExtremesMonitor.start": "m._Week52ExtremesMonitor().start()",
    "ThorTrading.services.vwap_capture:VWAPMinuteCaptureService.start": "m.VWAPMinuteCaptureService().start()",
    "ThorTrading.services.PreOpenBacktestSupervisor:_PreOpenBacktestRunner.start": "m._PreOpenBacktestRunner().start()",
    "ThorTrading.services.intraday_supervisor.supervisor:IntradayMarketSupervisor.on_market_open": "m.IntradayMarketSupervisor().on_market_open('XNYS')",
    "ThorTrading.services.intraday_supervisor.supervisor:IntradayMarketSupervisor.on_market_close": "m.IntradayMarketSupervisor().on_market_close('XNYS')",
}

RUNNER = r'''
import importlib, json, sys, threading
sys.path.insert(0, sys.argv[1])
calls = json.loads(sys.argv[2])
started = []
threading.Thread.start = lambda self: started.append(self.name)
threading.Thread.join = lambda self, timeout=None: None
result = {}
for entry, expression in calls.items():
    m = importlib.import_module(entry.split(":")[0])
    started.clear()
    eval(expression, {"m": m})
    result[entry] = bool(started)
json.dump(result, sys.stdout)
'''


def test_check_reports_exactly_the_seeded_problems(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLE)
    result = cli_runner().invoke(check, [".", "--format", "json"])
    assert result.exit_code == 1, result.output
    document = json.loads(result.stdout)
    found = {(f["code"], f["entry_point"], f["path"]) for f in document["findings"]}
    assert found == SEEDED
    assert document["errors"] == []


def _started(mode: str) -> dict[str, bool]:
    env = {k: v for k, v in os.environ.items() if k not in ("THOR_SCHEDULER_MODE", "HEARTBEAT_ENABLED")}
    env["THOR_SCHEDULER_MODE"] = mode
    done = subprocess.run([sys.executable, "-c", RUNNER, str(EXAMPLE), json.dumps(CALLS)], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_entry_point_really_starts_a_thread_and_only_guarded_ones_stay_quiet() -> None:
    assert _started("legacy") == {entry: True for entry in CALLS}
    heartbeat = _started("heartbeat")
    assert {entry for entry, started in heartbeat.items() if not started} == GUARDED | {
        # The late guard does return before its thread in heartbeat mode; its side effect is loading symbols.
        "ThorTrading.services.vwap_capture:VWAPMinuteCaptureService.start",
    }
