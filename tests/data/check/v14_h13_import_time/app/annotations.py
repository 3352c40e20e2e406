# Hostile review 13: a string annotation holds code that typing.get_type_hints evaluates
# expect: start TG009 code the walk cannot read
import os
import threading

import app.annotations_boot  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
