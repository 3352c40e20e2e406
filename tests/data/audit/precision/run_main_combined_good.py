# audit-case: the reloader check and the mode in one condition (`or`): the thread is guarded whatever RUN_MAIN holds
# expect: guarded thread mkt/apps.py:8 app-ready: mkt.apps:MktConfig.ready -> threading.Thread(...) [by mkt.apps:MktConfig.ready]
# ===== mkt/apps.py
import os, threading
from django.apps import AppConfig

class MktConfig(AppConfig):
    def ready(self):
        if os.environ.get("RUN_MAIN") != "true" or os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, daemon=True).start()
