import logging
import os
import threading

logger = logging.getLogger(__name__)
HOME = os.environ.get("HOME", "")
del os


def start():
    threading.Thread(target=print, name=HOME).start()
# case: targets=start
