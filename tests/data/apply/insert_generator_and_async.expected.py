import asyncio
import logging
import os

logger = logging.getLogger(__name__)


def ticks():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy ticks (heartbeat scheduler mode active)")
        return
    while True:
        yield asyncio.sleep(1)


async def start_loop() -> bool:
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start_loop (heartbeat scheduler mode active)")
        return False
    await asyncio.sleep(0)
    return True


async def stream():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy stream (heartbeat scheduler mode active)")
        return
    yield 1
