# `del` on instance state, module constants and os.environ writes outside the function before the guard (R6-12).
# expect: Feed.start_del_self_attribute TG002 del self.cache
# expect: Feed.start_del_self_item TG002 del self.cache["x"]
# expect: Feed.start_del_module_item TG002 del _CACHE["x"]
# expect: Feed.start_del_environ TG002 del os.environ["DJANGO_SETTINGS_MODULE"]
# expect: Feed.start_del_slice TG002 del self.threads[:]
import os
import threading

_CACHE = {"x": 1, "y": 2}


class Feed:
    def __init__(self):
        self.cache = {"x": 1}
        self.threads = []

    def start_del_self_attribute(self):
        del self.cache
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_del_self_item(self):
        del self.cache["x"]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_del_module_item(self):
        del _CACHE["x"]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_del_environ(self):
        del os.environ["DJANGO_SETTINGS_MODULE"]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_del_slice(self):
        del self.threads[:]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()
