# A subscript of a known module constant is computed (hostile VH-6): a key the dict does not have raises KeyError
# in every world before any test of the mode, so no legacy value ever runs the body — TG006 ("the legacy body never
# runs"), naming the subscript. A present key gives its value; an unknown key may raise (outside a `try` that is
# the stated assumption "operations on unknown values do not raise"; inside a `try` the handler is reached).
# expect: start_missing_key TG006 LIMITS["feeds"]
# expect: start_missing_index TG006 ORDER[5]
# expect: start_present_key ok
# expect: start_present_key_decides TG006
# expect: start_unknown_key ok
# expect: start_missing_key_caught ok
# expect: start_get_default ok
# expect: start_update_constant TG002 LIMITS.update(x=1)
import os
import threading

LIMITS = {"feed": 10, "poll": 0}
ORDER = ("a", "b")


def start_missing_key():
    limit = LIMITS["feeds"]
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(limit,)).start()


def start_missing_index():
    first = ORDER[5]
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(first,)).start()


def start_present_key():
    limit = LIMITS["feed"]
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(limit,)).start()


def start_present_key_decides():
    if LIMITS["feed"] > 5:
        return
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_unknown_key(key="feed"):
    limit = LIMITS[key]
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(limit,)).start()


def start_missing_key_caught():
    try:
        limit = LIMITS["feeds"]
    except KeyError:
        limit = 0
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(limit,)).start()


def start_get_default():
    limit = LIMITS.get("feeds", 3)
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(limit,)).start()


def start_update_constant():
    LIMITS.update(x=1)
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
