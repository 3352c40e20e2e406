# A record factory runs on every log call.
# expect: start TG002 logging.warning("skip")
import logging
import os
import threading


def _factory(*args, **kwargs):
    threading.Thread(target=print).start()
    return logging.LogRecord(*args, **kwargs)


logging.setLogRecordFactory(_factory)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logging.warning("skip")
        return
    threading.Thread(target=print).start()
