# audit-case: thread targets through functools.partial, a bound method stored on self, a positional target and a small local alias
# expect: TG010 loop mkt/service.py:12 app-ready: mkt.apps:MktConfig.ready -> mkt.service:Stream.start -> mkt.service:Stream._pump -> while-loop (time.sleep)
# expect: TG010 loop mkt/service.py:16 app-ready: mkt.apps:MktConfig.ready -> mkt.service:Stream.start -> mkt.service:Stream._drain -> while-loop (time.sleep)
# expect: TG010 loop mkt/service.py:4 app-ready: mkt.apps:MktConfig.ready -> mkt.service:Stream.start -> mkt.service:poll -> while-loop (time.sleep)
# expect: TG010 thread mkt/service.py:20 app-ready: mkt.apps:MktConfig.ready -> mkt.service:Stream.start -> threading.Thread(...)
# expect: TG010 thread mkt/service.py:21 app-ready: mkt.apps:MktConfig.ready -> mkt.service:Stream.start -> threading.Thread(...)
# expect: TG010 thread mkt/service.py:23 app-ready: mkt.apps:MktConfig.ready -> mkt.service:Stream.start -> threading.Thread(...)
# ===== mkt/service.py
import functools, threading, time

def poll(interval):
    while True:
        time.sleep(interval)

class Stream:
    def __init__(self):
        self._runner = self._pump

    def _pump(self):
        while True:
            time.sleep(1)

    def _drain(self):
        while True:
            time.sleep(2)

    def start(self):
        threading.Thread(target=functools.partial(poll, 5)).start()
        threading.Thread(target=self._runner, daemon=True).start()
        worker = self._drain
        threading.Thread(None, worker).start()
# ===== mkt/apps.py
from django.apps import AppConfig
from mkt.service import Stream

class MktConfig(AppConfig):
    def ready(self):
        Stream().start()
