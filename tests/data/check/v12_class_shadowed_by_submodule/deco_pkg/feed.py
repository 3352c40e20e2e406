# Hostile review 11: the package binds the class Defaults and also has a submodule Defaults.py; the run edge
# deco_pkg.Defaults.apply must follow the class's method too, not only `apply` of the (empty) submodule.
# expect: Feed.start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading


class Feed:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
