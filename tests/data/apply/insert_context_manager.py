import contextlib
import logging
import os
import threading

logger = logging.getLogger(__name__)


@contextlib.contextmanager
def start():
    worker = threading.Thread(target=print)
    worker.start()
    try:
        yield worker
    finally:
        worker.join()


@contextlib.asynccontextmanager
async def start_async():
    worker = threading.Thread(target=print)
    worker.start()
    yield worker
# case: targets=start*
