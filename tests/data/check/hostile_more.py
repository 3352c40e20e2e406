# More hostile cases from the generator: break in finally (HOSTILE-15; range() is pure now, so the finding is the
# TG009 naming what the heartbeat path reaches), a class decorator or metaclass replacing the
# entry point (HOSTILE-12/13), a value outside the table singled out by the guard (HOSTILE-19), a raising pure
# expression whose exception an `except` swallows (HOSTILE-22).
# expect: start_break_finally TG009
# expect: Decorated.start TG009 the class decorator
# expect: WithMeta.start TG009 the metaclass
# expect: start_prod TG012 THOR_SCHEDULER_MODE='prod'
# expect: start_hash_swallowed TG009
import os
import threading


def start_break_finally():
    for _ in range(2):
        try:
            if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
                return
        finally:
            break
    threading.Thread(target=print).start()


def replace_start(cls):
    return cls


@replace_start
class Decorated:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


def start_prod():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat" or mode == "prod":
        return
    threading.Thread(target=print).start()


def start_hash_swallowed():
    try:
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return hash([])
    except Exception:
        pass
    threading.Thread(target=print).start()
