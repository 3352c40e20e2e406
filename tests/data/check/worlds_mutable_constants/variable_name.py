# The variable NAME taken from a list that is changed in place (B11): the guard would read another variable.
# expect: start TG009 ENV_NAMES
import os
import threading

ENV_NAMES = ["THOR_SCHEDULER_MODE"]
ENV_NAMES.insert(0, "THOR_MODE_V1")


def start():
    if os.environ.get(ENV_NAMES[0], "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
