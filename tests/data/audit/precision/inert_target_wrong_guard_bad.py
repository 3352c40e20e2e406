# audit-case: a target whose guard is wrong (case-sensitive) is not proven inert: the thread stays TG010 and its loop too
# expect: TG010 loop mkt/apps.py:7 app-ready: mkt.apps:MktConfig.ready -> mkt.apps:stream_quotes -> while-loop (time.sleep)
# expect: TG010 thread mkt/apps.py:12 app-ready: mkt.apps:MktConfig.ready -> threading.Thread(...)
# ===== mkt/apps.py
import os, threading, time
from django.apps import AppConfig

def stream_quotes():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat") == "heartbeat":
        return
    while True:
        time.sleep(1)

class MktConfig(AppConfig):
    def ready(self):
        threading.Thread(target=stream_quotes, daemon=True).start()
