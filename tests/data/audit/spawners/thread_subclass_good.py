# audit-case: a Thread subclass constructed behind the guard is guarded, and so is its run loop
# expect: guarded loop mkt/apps.py:6 app-ready: mkt.apps:MktConfig.ready -> mkt.apps:Poller.run -> while-loop (time.sleep) [by mkt.apps:MktConfig.ready]
# expect: guarded thread mkt/apps.py:14 app-ready: mkt.apps:MktConfig.ready -> mkt.apps.Poller(...) [by mkt.apps:MktConfig.ready]
# ===== mkt/apps.py
import os, threading, time
from django.apps import AppConfig

class Poller(threading.Thread):
    def run(self):
        while True:
            time.sleep(1)

class MktConfig(AppConfig):
    def ready(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        Poller(daemon=True).start()
