import logging
import os
import threading

logger = logging.getLogger(__name__)


def go():
    threading.Thread(target=print).start()
    return "x"


def start_same_line():
    """Doc on the same line as code."""; go()


def start_one_line(): """Doc in a one-line def."""; go()


def start_fstring():
    "a" f"{go()}"
    go()


def start_bytes():
    b"not a docstring"
    go()
# case: targets=start_*
