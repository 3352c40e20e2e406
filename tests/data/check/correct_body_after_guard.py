# The real project's final state: a canonical guard followed by ordinary body logic.
# expect: Supervisor.on_open ok
import os
import threading


class Supervisor:
    def on_open(self, market):
        mode = os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        if not self._enabled(market):
            return
        threading.Thread(target=print, args=(market,)).start()
