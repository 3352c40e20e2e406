# hash() of a str and the iteration order of a frozenset of strings depend on PYTHONHASHSEED of the process: the
# verifier must not compute them in its own process (hostile R4-3, AX2/AT7) — the value is unknown, so a guard
# nested under such a test is not proven. Order-free uses (membership, len, min/max without key=) stay computed.
# expect: start_hash TG009
# expect: start_frozenset_text TG009
# expect: start_joined TG009
# expect: start_tuple_order TG009
# expect: start_order_free ok
# expect: start_int_hash ok
import os
import threading

NAMES = frozenset(("feeds", "bars"))


def start_hash():
    if hash("feeds") % 2 == 0:
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
    threading.Thread(target=print).start()


def start_frozenset_text():
    if str(frozenset(("feeds", "bars"))).startswith("frozenset({'f"):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
    threading.Thread(target=print).start()


def start_joined():
    if ",".join(NAMES) == "feeds,bars":
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
    threading.Thread(target=print).start()


def start_tuple_order():
    if tuple(NAMES)[0] == "feeds" or "%s" % (NAMES,) == "":
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
    threading.Thread(target=print).start()


def start_order_free():
    if "feeds" in NAMES and len(NAMES) == 2 and min(NAMES) == "bars":
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
    threading.Thread(target=print).start()


def start_int_hash():
    if hash(7) == 7:
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
    threading.Thread(target=print).start()
