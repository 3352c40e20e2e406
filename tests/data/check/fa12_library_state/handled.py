import logging
import os
import threading


class _Starter(logging.Handler):
    def emit(self, record):
        threading.Thread(target=print).start()


logger = logging.getLogger(__name__)
logger.addHandler(_Starter())


def is_hb():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
