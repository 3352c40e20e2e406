# An attribute store spelled through the instance's namespace replaces the entry point on the instance just like
# `self.start = f` (hostile review 5, R5-18): `vars(self)["start"] = f`, `self.__dict__.update(start=f)`,
# `self.__dict__.update(options)` (any name), `vars(self).setdefault(...)`. Reading the namespace stays fine.
# expect: VarsFeed.start TG009 vars(self)["start"] = self._start_now
# expect: UpdateFeed.start TG009 self.__dict__.update(start=self._start_now)
# expect: OptionsFeed.start TG009 self.__dict__.update(options)
# expect: ReadFeed.start ok
import os
import threading


class VarsFeed:
    def __init__(self):
        vars(self)["start"] = self._start_now

    def _start_now(self):
        threading.Thread(target=print).start()

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


class UpdateFeed:
    def __init__(self):
        self.__dict__.update(start=self._start_now)

    def _start_now(self):
        threading.Thread(target=print).start()

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


class OptionsFeed:
    def __init__(self, **options):
        self.__dict__.update(options)

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


class ReadFeed:
    def __init__(self):
        self.names = sorted(vars(self))

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()
