# `io.open(...)` is the real open (io is loaded at interpreter start-up), not the project's pure io.open.
# expect: start TG009 standard-library module
# expect: start_project_helper ok
import io
import os
import threading

import helpers


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return io.open("SENT", "a")
    threading.Thread(target=print).start()


def start_project_helper():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return helpers.quiet()
    threading.Thread(target=print).start()
