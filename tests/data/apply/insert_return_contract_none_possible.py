import logging
import threading
import time

logger = logging.getLogger(__name__)


def start_falls_off(flag=False):
    threading.Thread(target=print).start()
    if flag:
        return "started"


def start_bare_return(flag=False):
    threading.Thread(target=print).start()
    if flag:
        return
    return 3


def start_returns_none(flag=False):
    threading.Thread(target=print).start()
    if flag:
        return None
    return 3


def start_loop_without_return():
    while True:
        threading.Thread(target=print).start()
        time.sleep(60)


def start_loop_with_break(queue=()):
    while True:
        threading.Thread(target=print).start()
        if not queue:
            break
        return queue[0]


def start_handler_falls_off():
    try:
        threading.Thread(target=print).start()
        return 1
    except RuntimeError:
        logger.exception("could not start")


def start_for_else(items=()):
    for item in items:
        threading.Thread(target=print).start()
        return item
# case: targets=start_*
