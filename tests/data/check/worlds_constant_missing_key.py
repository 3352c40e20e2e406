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
# expect: start_update_constant TG002 SETTINGS.update(x=1)
# A dict the module changes (a store, passed to a function, aliased) has unknown contents: no KeyError is claimed,
# and a test on it is followed both ways.
# expect: start_changed_constant ok
# expect: start_passed_on_constant TG002 _configure(PASSED)
# expect: start_aliased_constant TG002
# expect: start_local_dict ok
import os
import threading

LIMITS = {"feed": 10, "poll": 0}
ORDER = ("a", "b")
SETTINGS = {"x": 0}


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
    SETTINGS.update(x=1)
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


CHANGED = {"feed": 10}
CHANGED["feeds"] = 12
PASSED = {"skip": False}
ALIASED = {"skip": False}
ALIAS = ALIASED


def _configure(table):
    table["skip"] = True


def start_changed_constant():
    limit = CHANGED["feeds"]
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(limit,)).start()


def start_passed_on_constant():
    _configure(PASSED)
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_aliased_constant():
    if not ALIASED["skip"]:
        threading.Thread(target=print).start()
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_local_dict():
    table = {}
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    table["x"] = 1
    threading.Thread(target=print, args=(table,)).start()
