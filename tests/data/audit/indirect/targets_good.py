# audit-case: the same targets behind the guard: every site and loop is guarded
# expect: guarded loop mkt/service.py:12 app-ready: mkt.apps:MktConfig.ready -> mkt.service:Stream.start -> mkt.service:Stream._pump -> while-loop (time.sleep) [by mkt.service:Stream.start]
# expect: guarded loop mkt/service.py:4 app-ready: mkt.apps:MktConfig.ready -> mkt.service:Stream.start -> mkt.service:poll -> while-loop (time.sleep) [by mkt.service:Stream.start]
# expect: guarded thread mkt/service.py:19 app-ready: mkt.apps:MktConfig.ready -> mkt.service:Stream.start -> threading.Thread(...) [by mkt.service:Stream.start]
# expect: guarded thread mkt/service.py:20 app-ready: mkt.apps:MktConfig.ready -> mkt.service:Stream.start -> threading.Thread(...) [by mkt.service:Stream.start]
# ===== mkt/service.py
import functools, os, threading, time

def poll(interval):
    while True:
        time.sleep(interval)

class Stream:
    def __init__(self):
        self._runner = self._pump

    def _pump(self):
        while True:
            time.sleep(1)

    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        run = functools.partial(poll, 5)
        threading.Thread(target=run).start()
        threading.Thread(target=self._runner, daemon=True).start()
# ===== mkt/apps.py
from django.apps import AppConfig
from mkt.service import Stream

class MktConfig(AppConfig):
    def ready(self):
        Stream().start()
