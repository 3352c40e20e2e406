# audit-case: the same scheduler behind the canonical guard in ready() is guarded, not reported
# expect: guarded scheduler feeds/apps.py:13 app-ready: feeds.apps:FeedsConfig.ready -> BackgroundScheduler.start(...) [by feeds.apps:FeedsConfig.ready]
# ===== feeds/apps.py
import os

from apscheduler.schedulers.background import BackgroundScheduler
from django.apps import AppConfig

scheduler = BackgroundScheduler()

class FeedsConfig(AppConfig):
    def ready(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        scheduler.add_job(print, "interval", seconds=30)
        scheduler.start()
