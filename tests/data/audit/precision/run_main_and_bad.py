# audit-case: a guard that exits only when RUN_MAIN is also set: with RUN_MAIN unset (one of its possible values) the thread starts in heartbeat mode
# expect: TG010 thread mkt/apps.py:9 app-ready: mkt.apps:MktConfig.ready -> threading.Thread(...)
# ===== mkt/apps.py
import os, threading
from django.apps import AppConfig

class MktConfig(AppConfig):
    def ready(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if os.environ.get("RUN_MAIN") == "true" and mode == "heartbeat":
            return
        threading.Thread(target=print, daemon=True).start()
