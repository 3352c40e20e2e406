# Hostile review 11: reading a name of a module that may not hold it (deleted, bound under a condition) calls the
# module's PEP 562 __getattr__ inside the entry point, before the guard: an effect (here it even sets the mode).
# expect: start_del TG002 'a_del.X'
# expect: start_cond TG002 'a_cond.X'
# expect: start_held ok
import os
import threading

from pkg import a_cond, a_del, a_held


def start_del():
    limit = a_del.X
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(limit,)).start()


def start_cond():
    limit = a_cond.X
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(limit,)).start()


def start_held():
    limit = a_held.X
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(limit,)).start()
