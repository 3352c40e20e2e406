# Task FIXV12 item 5: `if self._thread is not None and self._thread.is_alive(): return` before a correct guard. When
# every binding of the attribute in the hierarchy is None or a new threading.Thread/Timer (the class body's
# `_thread = None`, stores in its methods), reading it and calling is_alive() only read the standard library's thread.
# A thread of a project subclass (its is_alive is project code) or another method (join blocks) stays an effect.
# expect: ClassAttrFeed.start ok
# expect: InitFeed.start ok
# expect: TimerFeed.start ok
# expect: SubclassFeed.start TG002
import os
import threading


class Worker(threading.Thread):
    def is_alive(self):
        threading.Thread(target=print).start()
        return False


class ClassAttrFeed:
    _thread = None

    def start(self):
        if self._thread is not None and self._thread.is_alive():
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        self._thread = threading.Thread(target=print)
        self._thread.start()


class InitFeed:
    def __init__(self):
        self._thread = None

    def start(self):
        if self._thread and self._thread.is_alive():
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        self._thread = threading.Thread(target=print, daemon=True)
        self._thread.start()


class TimerFeed:
    _timer = None

    def start(self):
        if self._timer is not None and self._timer.is_alive():
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        self._timer = threading.Timer(60.0, print)
        self._timer.start()


class SubclassFeed:
    def __init__(self):
        self._thread = Worker(target=print)

    def start(self):
        if self._thread is not None and self._thread.is_alive():
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        self._thread.start()
