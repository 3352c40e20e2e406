# Hostile review 15, judged statically (the runner of the executed cases imports ast and keyword itself).
# expect: start_exception TG002 formatting the traceback imports ast, and the project module ast.py
# expect: start_runpy TG002 keyword.py has the name of the standard-library module keyword
# expect: start_ok ok
import logging
import os
import threading

logger = logging.getLogger(__name__)


def start_exception():
    try:
        limit = int(os.environ["FEED_LIMIT"])
    except (KeyError, ValueError):
        logger.exception("FEED_LIMIT is not set")  # formatting the traceback imports ast (3.11 carets)
        limit = 10
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(limit,)).start()


def start_runpy():
    import runpy  # frozen, but it imports importlib.util, hence contextlib and keyword

    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(runpy,)).start()


def start_ok():
    from datetime import timedelta  # a project profile/ app: datetime never imports it

    header = b"\xef\xbb\xbfid".decode("utf-8-sig")
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(header, timedelta)).start()
