# Hostile RB4/RB7: a module-level name computed from an import, or a module reached through a call.
# expect: start TG009 vars_.get = _evil
import inspect
import operator
import os
import threading


def _evil(*args):
    threading.Thread(target=print).start()


vars_ = operator.attrgetter("environ")(os)
vars_.get = _evil


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()

