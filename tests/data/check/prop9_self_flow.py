# The property rule does not depend on the spelling `self.x` (review 8, R8-14): an instance of the entry point's class
# handed to a module helper, aliased, closed over by a local helper, or iterated from a display is the same object,
# and reading its property runs the getter. A pure getter read through a helper is accepted.
# expect: Feed.start_helper TG002 _is_idle(self)
# expect: Feed.start_alias TG002 this.pending
# expect: Feed.start_closure TG002 _idle()
# expect: Feed.start_comprehension TG002 s.pending
# expect: Feed.start_loop TG002 s.pending
# expect: Feed.start_method_through_helper TG002 _poke(self)
# expect: Quiet.start ok
import os
import threading


def _run():
    pass


def _is_idle(feed):
    return feed.pending == 0


def _poke(feed):
    return feed.refresh()


class Feed:
    @property
    def pending(self):
        threading.Thread(target=_run).start()
        return 0

    def refresh(self):
        threading.Thread(target=_run).start()

    def start_helper(self):
        if _is_idle(self):
            pass
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_alias(self):
        this = self
        if this.pending:
            pass
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_closure(self):
        def _idle():
            return self.pending == 0

        if _idle():
            pass
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_comprehension(self):
        if any(s.pending for s in [self]):
            pass
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_loop(self):
        for s in (self,):
            if s.pending:
                break
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_method_through_helper(self):
        _poke(self)
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


class Quiet:
    @property
    def pending(self):
        return 0

    def start(self):
        if _is_idle(self):
            pass
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()
