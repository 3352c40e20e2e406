# A dictConfig that names only logging's own classes imports nothing of the project: proven.
# expect: start ok
import logging.config
import os
import threading

logging.config.dictConfig({"version": 1, "disable_existing_loggers": False, "handlers": {"h": {"class": "logging.NullHandler"}}, "root": {"handlers": ["h"]}})


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
