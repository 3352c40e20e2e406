import logging
import os
import threading
import time
import typing
from typing import Any, NoReturn

logger = logging.getLogger(__name__)


class Pool:
    def start(self) -> list[threading.Thread]:
        scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if scheduler_mode == "heartbeat":
            logger.debug("Skipping legacy Pool.start (heartbeat scheduler mode active)")
            return
        threads = [threading.Thread(target=print) for _ in range(2)]
        for thread in threads:
            thread.start()
        return threads


def start_count() -> int:
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start_count (heartbeat scheduler mode active)")
        return
    threading.Thread(target=print).start()
    return 3


def start_forever() -> NoReturn:
    while True:
        threading.Thread(target=print).start()
        time.sleep(60)


def start_never() -> "typing.Never":
    while True:
        time.sleep(60)


async def start_async() -> str:
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start_async (heartbeat scheduler mode active)")
        return
    threading.Thread(target=print).start()
    return "started"


def start_any() -> Any:
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start_any (heartbeat scheduler mode active)")
        return
    threading.Thread(target=print).start()
    return 3
# case: targets=Pool.start,start_count,start_forever,start_never,start_async,start_any; person=TG001
