# A decorator is evaluated in the class namespace first: a class attribute named like a builtin decorator
# (`staticmethod = _traced`) makes `@staticmethod` call project code that may run before the function or replace it
# (hostile R4-19, ST1) — TG009 naming it for the entry point; a helper method decorated so is no proven guard (TG001 naming the call).
# expect: Feed.start TG009 staticmethod
# expect: Helped.start TG001 self.heartbeat_owns()
# expect: Plain.start ok
import os
import threading


def _traced(function):
    def wrapper(*args, **kwargs):
        threading.Thread(target=print).start()
        return function(*args, **kwargs)
    return wrapper


class Feed:
    staticmethod = _traced

    @staticmethod
    def start():
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class Helped:
    from functools import partial as classmethod  # noqa: A001

    @classmethod
    def heartbeat_owns(cls):
        return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"

    def start(self):
        if self.heartbeat_owns():
            return
        threading.Thread(target=print).start()


class Plain:
    @staticmethod
    def start():
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
