import logging
import os
import threading

LOGGER = logging.getLogger(__name__)


def start_capture(symbols):
    if not symbols:
        return False
    threading.Thread(target=print).start()
    return True
