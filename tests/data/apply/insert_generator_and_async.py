import asyncio
import logging
import os

logger = logging.getLogger(__name__)


def ticks():
    while True:
        yield asyncio.sleep(1)


async def start_loop() -> bool:
    await asyncio.sleep(0)
    return True


async def stream():
    yield 1
