# A read of a project module's attribute that the module binds nowhere runs the module's own __getattr__ (PEP 562):
# an effect before the guard (hostile review 6, R6-15). A bound attribute is read from the module dict.
# expect: start_unbound TG002 conf.FEED_LIMIT
# expect: start_unbound_unguarded TG001 conf.FEED_LIMIT
# expect: start_bound ok
import os
import threading

import conf


def _run():
    pass


def start_unbound():
    limit = conf.FEED_LIMIT
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()


def start_unbound_unguarded():
    return conf.FEED_LIMIT


def start_bound():
    limit = conf.BOUND
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
