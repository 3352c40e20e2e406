"""The start-up "stack": everything the trading backend launches once Django is up.

Called by the delayed-start thread (:mod:`ThorTrading.startup`). Each service
it launches is a thread of its own; none of them is in the legacy manifest.
"""

from __future__ import annotations

import logging

from ThorTrading.locks import RenewingLock
from ThorTrading.services.poller import start_quote_poller

logger = logging.getLogger(__name__)

STACK_LOCK = RenewingLock("thor-service-stack", ttl=30.0)


def start_service_stack() -> None:
    """Take the stack lock (renewed in the background) and launch the quote poller."""
    if not STACK_LOCK.acquire():
        logger.info("Another process runs the service stack")
        return
    start_quote_poller()
