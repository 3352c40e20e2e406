import logging
import os
import threading

log = logging.getLogger("thor.services")


def start_capture(symbols) -> bool:
    if not symbols:
        return False
    threading.Thread(target=print).start()
    return True
