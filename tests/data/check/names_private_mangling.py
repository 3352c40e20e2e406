# Inside a class, Python mangles every `__name` (not only attributes: module globals too) to `_Class__name`
# (hostile R4-2): `__heartbeat_owns()` in a method of Feed calls the global `_Feed__heartbeat_owns`. Without one it
# is a NameError in every world (the legacy body never runs; reported as TG001 like any NameError before a guard);
# with one it is that function that decides.
# expect: Feed.start TG001 __heartbeat_owns
# expect: Other.start TG001
# expect: Proper.start ok
# expect: start_module_level ok
import os
import threading


def __heartbeat_owns():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


def _Other__heartbeat_owns():
    return False


def _Proper__heartbeat_owns():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


class Feed:
    def start(self):
        if __heartbeat_owns():
            return
        threading.Thread(target=print).start()


class Other:
    def start(self):
        if __heartbeat_owns():
            return
        threading.Thread(target=print).start()


class _Proper:
    pass


class Proper:
    def start(self):
        if __heartbeat_owns():
            return
        threading.Thread(target=print).start()


def start_module_level():
    if __heartbeat_owns():
        return
    threading.Thread(target=print).start()
