# Hostile review 11: a class decorator of the module itself calls a method of the class it decorates at import time;
# the method writes the mode variable before the guard reads it.
# expect: start_own TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading


def configure(klass):
    klass.apply()
    return klass


@configure
class Defaults:
    @staticmethod
    def apply():
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def start_own():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
