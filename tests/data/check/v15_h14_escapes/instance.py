# Stores on the instance through setattr under another spelling (hostile review 14).
# expect: Builtins.start TG009 builtins.setattr(self, "start", self._run)
# expect: Aliased.start TG009 _s = setattr
import builtins
import os
import threading


class Builtins:
    def __init__(self):
        builtins.setattr(self, "start", self._run)

    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        self._run()

    def _run(self):
        threading.Thread(target=print).start()


class Aliased:
    def __init__(self):
        _s = setattr
        _s(self, "start", self._run)

    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        self._run()

    def _run(self):
        threading.Thread(target=print).start()
