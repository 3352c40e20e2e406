"""Built-in manifests. ``thor`` is the reference project's eight legacy entry points (README: Configuration)."""

from __future__ import annotations

PRESETS: dict[str, tuple[str, ...]] = {
    "thor": (
        "ThorTrading.globalmarkets_hooks:_start_global_background_services",
        "ThorTrading.globalmarkets_hooks:_stop_global_background_services",
        "ThorTrading.services.stack_start:start_preopen_backtest_supervisor_wrapper",
        "ThorTrading.services.Week52Supervisor:*.start",
        "ThorTrading.services.vwap_capture:VWAPMinuteCaptureService.start",
        "ThorTrading.services.PreOpenBacktestSupervisor:*.start",
        "ThorTrading.services.intraday_supervisor.supervisor:IntradayMarketSupervisor.on_market_open",
        "ThorTrading.services.intraday_supervisor.supervisor:IntradayMarketSupervisor.on_market_close",
    ),
    "none": (),
}
