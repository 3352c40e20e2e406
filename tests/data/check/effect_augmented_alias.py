# An augmented assignment of a local runs the in-place operator of the object the local refers to: on an alias of
# instance or module state (a list, dict, set, a project object) it changes that object (hostile review 6, R6-17).
# Only a local proven immutable, or bound only to containers/literals this call made, is a local rebinding.
# expect: Feed.start_alias_iadd TG002 q += ["feed"]
# expect: Feed.start_alias_imul TG002 q *= 0
# expect: Feed.start_alias_ior TG002 d |= {"feed": 1}
# expect: Feed.start_parameter_default TG002 q += ["feed"]
# expect: Feed.start_maybe_alias TG002 q += ["feed"]
# expect: Feed.start_fresh_list ok
# expect: Feed.start_counter ok
# expect: Feed.start_string ok
# expect: Feed.start_fresh_then_extended ok
import os
import threading


def _run():
    pass


class _Queue:
    def __iadd__(self, other):
        threading.Thread(target=_run).start()
        return self

    def __imul__(self, other):
        threading.Thread(target=_run).start()
        return self

    def __ior__(self, other):
        threading.Thread(target=_run).start()
        return self


_QUEUE = _Queue()


class Feed:
    def __init__(self):
        self.pending = _Queue()

    def start_alias_iadd(self):
        q = self.pending
        q += ["feed"]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_alias_imul(self):
        q = _QUEUE
        q *= 0
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_alias_ior(self):
        d = _QUEUE
        d |= {"feed": 1}
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_parameter_default(self, q=_QUEUE):
        q += ["feed"]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_maybe_alias(self):
        q = []
        if self.pending:
            q = self.pending
        q += ["feed"]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_fresh_list(self):
        q = []
        q += ["feed"]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_counter(self):
        n = len(str(self.pending))
        n += 1
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_string(self):
        label = "feed"
        label += "-1"
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_fresh_then_extended(self):
        names = [n for n in ("a", "b")]
        names += ["c"]
        names *= 2
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()
