"""Delayed start of the service stack: give Django a few seconds to finish booting first.

``ThorTradingConfig.ready`` calls :func:`schedule_delayed_start`. This is the
kind of spawner a manifest misses: the thread it starts is not one of the
eight legacy supervisors, yet it boots the rest of the legacy world - and
nothing on its path asks THOR_SCHEDULER_MODE (``thor-guard audit`` reports it
as TG010).
"""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings

from ThorTrading.globalmarkets_hooks import _start_global_background_services
from ThorTrading.services.service_stack import start_service_stack

logger = logging.getLogger(__name__)

def _delayed_start(delay: float) -> None:
    time.sleep(delay)
    _start_global_background_services()
    start_service_stack()


def schedule_delayed_start() -> None:
    """Start the stack ``THOR_DELAYED_START_SECONDS`` after Django is ready (``ready()`` runs once per process)."""
    delay = float(getattr(settings, "THOR_DELAYED_START_SECONDS", 30.0))
    starter = threading.Thread(target=_delayed_start, args=(delay,), name="thor-delayed-start", daemon=True)
    starter.start()
    logger.info("Service stack starts in %.0fs", delay)
