# Harmless ifs before the guard are merged, not enumerated (7 here, 20 below).
# expect: Feed.start_seven ok
# expect: Feed.start_twenty ok
import os
import threading


class Feed:
    def start_seven(self):
        n = 0
        if self.a: n = 1
        if self.b: n = 1
        if self.c: n = 1
        if self.d: n = 1
        if self.e: n = 1
        if self.f: n = 1
        if self.g: n = 1
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, args=(n,)).start()

    def start_twenty(self):
        if self.x0: pass
        if self.x1: a = 1
        if self.x2: b = 2
        if self.x3: pass
        if self.x4: c = 3
        if self.x5: pass
        if self.x6: d = 4
        if self.x7: pass
        if self.x8: e = 5
        if self.x9: pass
        if self.x10: pass
        if self.x11: f = 6
        if self.x12: pass
        if self.x13: pass
        if self.x14: g = 7
        if self.x15: pass
        if self.x16: pass
        if self.x17: h = 8
        if self.x18: pass
        if self.x19: pass
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
