import logging
import os
import threading

logger = logging.getLogger(__name__)
_thread = None


def start():
    global logger, _thread
    _thread = threading.Thread(target=print)
    _thread.start()
# case: targets=start
