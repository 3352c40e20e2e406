# Hostile review 12: expressions the pure fragment took for pure that run code when evaluated.
# expect: start_key_exec TG002 sorted(
# expect: start_key_len ok
# expect: start_format_module TG002 format(conf)
# expect: start_format_bound ok
# expect: start_star_getattr TG002 FEED_LIMIT
# expect: start_not_implemented TG002 NotImplemented
# expect: start_plain ok
import os
import threading
import warnings

from app import conf, plain, starred


def _warned(*args, **kwargs):
    threading.Thread(target=print).start()


warnings.simplefilter("always")
warnings.showwarning = _warned


def start_key_exec():
    # H2: sorted() calls its key on each item; exec is no pure key
    sorted(["import threading; threading.Thread(target=print).start()"], key=exec)
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_key_len():
    sorted(["bb", "a"], key=len)
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_format_module():
    # H3: a replacement field reads conf.FEED, which conf's PEP 562 __getattr__ serves
    "{0.FEED}".format(conf)
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_format_bound():
    "{p.NAME}".format(p=plain)
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_star_getattr():
    # H9: starred copies a __getattr__ listed in _hooks.__all__
    limit = starred.FEED_LIMIT
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, name=str(limit)).start()


def start_not_implemented():
    # H4: the truth of NotImplemented warns (DeprecationWarning), and this module's showwarning starts a thread
    if NotImplemented:
        pass
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_plain():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
