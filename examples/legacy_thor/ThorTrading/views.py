"""Operator views. ``restart_monitor`` restarts the market monitor without asking the scheduler mode."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from ThorTrading.market_monitor import monitor


def restart_monitor(request: HttpRequest) -> JsonResponse:
    monitor.start()
    return JsonResponse({"monitor": "started"})
