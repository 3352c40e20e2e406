# Messages that name the real reason (review 5, "False alarms / misleading messages"): a class-body value computed
# at import is judged where the function uses it (TP6), a constants class patched in its own module is TG009 naming
# the store (CL10/CL13), and a `finally: continue` that cancels the guard's return names what the path reaches (TF2).
# expect: Feed.start TG002 'self.clock' runs before the guard
# expect: patched_alias TG009 line 36 ('_target.PATCHED_HB = "HEARTBEAT"')
# expect: patched_helper TG009 line 40 ('cls.NORMED_HB = cls.NORMED_HB.upper()')
# expect: finally_continue TG009 a heartbeat-mode path reaches 'threading.Thread(target=print)'
import os
import threading


class _Clock:
    def __bool__(self):
        threading.Thread(target=print).start()
        return True


class Feed:
    clock = _Clock()

    def start(self):
        if self.clock:
            pass
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


class Mode:
    PATCHED_HB = "heartbeat"
    NORMED_HB = "heartbeat"


_target = Mode
_target.PATCHED_HB = "HEARTBEAT"


def _norm(cls):
    cls.NORMED_HB = cls.NORMED_HB.upper()
    return cls


_norm(Mode)


def patched_alias():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == Mode.PATCHED_HB:
        return
    threading.Thread(target=print).start()


def patched_helper():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == Mode.NORMED_HB:
        return
    threading.Thread(target=print).start()


def finally_continue():
    for _ in range(1):
        try:
            mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
            if mode == "heartbeat":
                return
        finally:
            continue
    threading.Thread(target=print).start()
