import logging
import threading
import time
import typing
from typing import Any, NoReturn

logger = logging.getLogger(__name__)


class Pool:
    def start(self) -> list[threading.Thread]:
        threads = [threading.Thread(target=print) for _ in range(2)]
        for thread in threads:
            thread.start()
        return threads


def start_count() -> int:
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
    threading.Thread(target=print).start()
    return "started"


def start_any() -> Any:
    threading.Thread(target=print).start()
    return 3


def start_values(flag=False):
    threading.Thread(target=print).start()
    if flag:
        return "one"
    return "two"


def start_values_loop(queue=()):
    while True:
        threading.Thread(target=print).start()
        for item in queue:
            if item:
                return item


def start_values_try():
    try:
        threading.Thread(target=print).start()
        return 1
    finally:
        threading.Thread(target=print).start()
# case: targets=Pool.start,start_count,start_forever,start_never,start_async,start_any,start_values,start_values_loop,start_values_try; person=TG001
