# audit-case: Thread and Timer subclasses with their own run(), constructed and started from ready
# expect: TG010 loop mkt/workers.py:10 app-ready: mkt.apps:MktConfig.ready -> mkt.workers:RepeatTimer.run -> while-loop (.wait())
# expect: TG010 loop mkt/workers.py:5 app-ready: mkt.apps:MktConfig.ready -> mkt.workers:Poller.run -> while-loop (time.sleep)
# expect: TG010 thread mkt/apps.py:7 app-ready: mkt.apps:MktConfig.ready -> mkt.workers.Poller(...)
# expect: TG010 timer mkt/apps.py:8 app-ready: mkt.apps:MktConfig.ready -> mkt.workers.RepeatTimer(...)
# ===== mkt/workers.py
import threading, time

class Poller(threading.Thread):
    def run(self):
        while True:
            time.sleep(1)

class RepeatTimer(threading.Timer):
    def run(self):
        while not self.finished.wait(self.interval):
            self.function(*self.args, **self.kwargs)
# ===== mkt/apps.py
from django.apps import AppConfig

from mkt.workers import Poller, RepeatTimer

class MktConfig(AppConfig):
    def ready(self):
        self.poller = Poller(daemon=True)
        self.timer = RepeatTimer(60, print)
        self.poller.start()
        self.timer.start()
