"""Reading ``[tool.thor-guard]``'s manifest without importing thor-guard (the peers must stand alone).

The Fixit peer and the harness both need the entry points of a tree: the
explicit ``entry-points`` (and ``extend-entry-points``) plus the eight entry
points of the ``thor`` preset when it applies (named, or no ``entry-points``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

PRESET_THOR = (
    "ThorTrading.globalmarkets_hooks:_start_global_background_services",
    "ThorTrading.globalmarkets_hooks:_stop_global_background_services",
    "ThorTrading.services.stack_start:start_preopen_backtest_supervisor_wrapper",
    "ThorTrading.services.Week52Supervisor:*.start",
    "ThorTrading.services.vwap_capture:VWAPMinuteCaptureService.start",
    "ThorTrading.services.PreOpenBacktestSupervisor:*.start",
    "ThorTrading.services.intraday_supervisor.supervisor:IntradayMarketSupervisor.on_market_open",
    "ThorTrading.services.intraday_supervisor.supervisor:IntradayMarketSupervisor.on_market_close",
)


def thor_guard_table(pyproject: Path) -> Mapping[str, Any] | None:
    """The ``[tool.thor-guard]`` table of ``pyproject``, or None when it has none."""
    document = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    table = document.get("tool", {}).get("thor-guard")
    return table if isinstance(table, dict) else None


def entry_points(table: Mapping[str, Any]) -> tuple[str, ...]:
    # thor-guard's rule (ruff's for `select`): explicit entry-points replace the preset unless it is named.
    entries = [str(entry) for entry in (*table.get("entry-points", []), *table.get("extend-entry-points", []))]
    uses_preset = "preset" in table or "entry-points" not in table
    if uses_preset and table.get("preset", "thor") == "thor":
        entries += PRESET_THOR
    return tuple(entries)
