# A class attribute holding an instance of a project class that defines __get__ is a descriptor: loading it through
# self runs __get__ (hostile review 6, R6-23). An instance of a plain project class is read without running code.
# expect: Feed.start_descriptor TG002 self.client
# expect: Feed.start_inherited_descriptor TG002 self.pool
# expect: Feed.start_plain_instance ok
import os
import threading


def _run():
    pass


class LazyClient:
    """Creates the client on first access (a non-data descriptor)."""

    def __get__(self, instance, owner):
        threading.Thread(target=_run).start()  # stands for "connect"
        return None


class LazyPool(LazyClient):
    pass


class Clock:
    pass


class Feed:
    client = LazyClient()
    pool = LazyPool()
    clock = Clock()

    def start_descriptor(self):
        if self.client is None:
            pass
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_inherited_descriptor(self):
        if self.pool is None:
            pass
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_plain_instance(self):
        if self.clock is None:
            pass
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()
