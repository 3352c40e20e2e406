import logging
import os as _os
import threading

logger = logging.getLogger(__name__)


def start():
    threading.Thread(target=print, name=_os.getcwd()).start()
