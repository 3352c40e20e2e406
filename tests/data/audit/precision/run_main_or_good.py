# audit-case: Django's reloader check combined with the mode (RUN_MAIN unknown, not unset): the guard exits in heartbeat mode whatever RUN_MAIN holds, so the spawn is guarded
# expect: guarded thread mkt/apps.py:10 app-ready: mkt.apps:MktConfig.ready -> threading.Thread(...) [by mkt.apps:MktConfig.ready]
# ===== mkt/apps.py
import os, threading
from django.apps import AppConfig

class MktConfig(AppConfig):
    def ready(self):
        if os.environ.get("RUN_MAIN") != "true":
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, daemon=True).start()
