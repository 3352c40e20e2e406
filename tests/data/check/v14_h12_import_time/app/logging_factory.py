# H1: dictConfig imports and calls the factory named by "()": app.boot_filter writes the mode.
# expect: start TG009 code the walk cannot read
import logging.config
import os
import threading

logging.config.dictConfig({"version": 1, "disable_existing_loggers": False, "filters": {"f": {"()": "app.boot_filter.make"}}})


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
