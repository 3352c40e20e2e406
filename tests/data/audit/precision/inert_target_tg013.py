# audit-case: a thread whose target provably returns at once in heartbeat mode is TG013 (inert), not TG010; the proof names the guard
# proof: mkt.apps:stream_quotes returns at its guard `if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":` (line 5) before any side effect
# proof: mkt.apps:Poller.run returns at its guard `if mode == "heartbeat":` (line 13)
# expect: TG013 thread mkt/apps.py:20 app-ready: mkt.apps:MktConfig.ready -> threading.Thread(...) [by mkt.apps:stream_quotes]
# expect: TG013 thread mkt/apps.py:21 app-ready: mkt.apps:MktConfig.ready -> mkt.apps.Poller(...) [by mkt.apps:Poller.run]
# expect: guarded loop mkt/apps.py:15 app-ready: mkt.apps:MktConfig.ready -> mkt.apps:Poller.run -> while-loop (time.sleep) [by mkt.apps:Poller.run]
# expect: guarded loop mkt/apps.py:7 app-ready: mkt.apps:MktConfig.ready -> mkt.apps:stream_quotes -> while-loop (time.sleep) [by mkt.apps:stream_quotes]
# ===== mkt/apps.py
import os, threading, time
from django.apps import AppConfig

def stream_quotes():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    while True:
        time.sleep(1)

class Poller(threading.Thread):
    def run(self):
        mode = os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        while True:
            time.sleep(1)

class MktConfig(AppConfig):
    def ready(self):
        threading.Thread(target=stream_quotes, daemon=True).start()
        Poller(daemon=True).start()
