# A `del` of an attribute or a subscript runs __delattr__/__delitem__ on an object that outlives the call (hostile
# review 6, R6-12): only a `del` of plain local names is pure, however the targets are grouped.
# expect: Feed.start_del_item TG002 del _REG["feed"]
# expect: Feed.start_del_items_tuple TG002 del _REG["a"], _REG["b"]
# expect: Feed.start_del_parenthesised TG002 del (_REG["feed"])
# expect: Feed.start_del_list TG002 del [_REG["feed"]]
# expect: Feed.start_del_attribute TG002 del _HOLDER.conn
# expect: Feed.start_del_mixed TG002 del x, _REG["feed"]
# expect: Feed.stop_unguarded TG001 del _REG["feed"]
# expect: Feed.start_del_locals ok
# expect: Feed.start_del_nothing ok
import os
import threading


def _run():
    pass


class _Registry:
    def __delitem__(self, key):
        threading.Thread(target=_run).start()


class _Holder:
    def __delattr__(self, name):
        threading.Thread(target=_run).start()


_REG = _Registry()
_HOLDER = _Holder()


class Feed:
    def start_del_item(self):
        del _REG["feed"]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_del_items_tuple(self):
        del _REG["a"], _REG["b"]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_del_parenthesised(self):
        del (_REG["feed"])
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_del_list(self):
        del [_REG["feed"]]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_del_attribute(self):
        del _HOLDER.conn
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_del_mixed(self):
        x = 1
        del x, _REG["feed"]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def stop_unguarded(self):
        del _REG["feed"]

    def start_del_locals(self):
        a = 1
        b = [2]
        del a, [b]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_del_nothing(self):
        del ()
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()
