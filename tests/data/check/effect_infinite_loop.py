# A loop no path leaves, before the guard: the function never returns, so in the heartbeat world the caller hangs.
# That is no "returns before doing anything" (the legacy body never runs either): the loop is the effect, named.
# Bounded loops and a loop left by `break`/`return` stay accepted.
# expect: S.start TG001 while True:
# expect: S.start_attr TG001 while self.x:
# expect: S.start_after_read TG002,TG006 while True:
# expect: S.start_bounded ok
# expect: S.start_break ok
# expect: S.start_opaque ok
import os
import threading


class S:
    x = 1

    def start(self):
        while True:
            pass
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_attr(self):
        while self.x:
            pass
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_after_read(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            while True:
                continue
            return
        threading.Thread(target=print).start()

    def start_bounded(self):
        n = 0
        while n < 3:
            n += 1
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_break(self):
        while True:
            break
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_opaque(self):
        while os.environ.get("WAIT_FOR_DB") == "1":
            pass
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
