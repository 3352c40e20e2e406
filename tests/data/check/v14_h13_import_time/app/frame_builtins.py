# Hostile review 13: a frame's f_builtins is the builtins namespace
# expect: start TG009 replaces a built-in
import os
import threading

import app.frame_builtins_boot  # noqa: F401


def start():
    if bool(os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"):
        return
    threading.Thread(target=print).start()
