import logging
import os
import threading

logger = logging.getLogger(__name__)
HOME = os.environ.get("HOME", "")
del os


def start():
    threading.Thread(target=print, name=HOME).start()
# 'os' is deleted after use, so the guard must use its own alias (import os as _os).
# case: targets=start
