import logging
import os
import threading

logger = logging.getLogger(__name__)


def start(a, b):
    # type: (int, int) -> None
    threading.Thread(target=print, args=(a + b,)).start()


def start_documented(a):
    # type: (int) -> None
    """A docstring after the signature comment."""
    threading.Thread(target=print, args=(a,)).start()


def start_commented(a):
    # an ordinary comment stays with the statement it describes
    threading.Thread(target=print, args=(a,)).start()
# case: targets=start,start_documented,start_commented
