# Comprehension targets that are attributes or subscripts store on every iteration, and slice bounds run the
# bound's __index__: both run project code before the guard (hostile review 6, R6-26 and R6-21).
# expect: Feed.start_comprehension_subscript TG002 _REG["k"]
# expect: Feed.start_comprehension_nested_target TG002 _REG["k"]
# expect: Feed.start_slice_lower TG002 self
# expect: Feed.start_slice_step TG002 self
# expect: Feed.start_plain ok
import os
import threading


def _run():
    pass


class _Registry:
    def __setitem__(self, key, value):
        threading.Thread(target=_run).start()


_REG = _Registry()


class Feed:
    def __index__(self):
        threading.Thread(target=_run).start()
        return 1

    def start_comprehension_subscript(self):
        _ = {None for _REG["k"] in (1,)}
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_comprehension_nested_target(self):
        _ = [a for a, _REG["k"] in ((1, 2),)]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_slice_lower(self):
        x = (1, 2)[self:]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_slice_step(self):
        x = "abcdef"[::self]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_plain(self):
        pairs = [(a, b) for a, [b, *rest] in ((1, (2, 3)),)]
        tail = (1, 2, 3)[1:]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()
