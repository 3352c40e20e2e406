# audit-case: a schedule job registered with .do() behind the guard: its loop is guarded (unguarded, it would be TG010)
# expect: guarded loop clock/apps.py:6 app-ready: clock.apps:ClockConfig.ready -> clock.apps:refresh -> while-loop (time.sleep) [by clock.apps:ClockConfig.ready]
# ===== clock/apps.py
import os, time
import schedule
from django.apps import AppConfig

def refresh():
    while True:
        time.sleep(5)

class ClockConfig(AppConfig):
    def ready(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        schedule.every(10).seconds.do(refresh)
