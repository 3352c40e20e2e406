# audit-case: APScheduler's BackgroundScheduler started in AppConfig.ready is a spawn; its job's loop runs in the background
# expect: TG010 loop feeds/jobs.py:4 app-ready: feeds.apps:FeedsConfig.ready -> feeds.jobs:poll_quotes -> while-loop (time.sleep)
# expect: TG010 scheduler feeds/apps.py:10 app-ready: feeds.apps:FeedsConfig.ready -> BackgroundScheduler.start(...)
# ===== feeds/apps.py
from apscheduler.schedulers.background import BackgroundScheduler
from django.apps import AppConfig

from feeds.jobs import poll_quotes

class FeedsConfig(AppConfig):
    def ready(self):
        scheduler = BackgroundScheduler()
        scheduler.add_job(poll_quotes, "interval", seconds=30)
        scheduler.start()
# ===== feeds/jobs.py
import time

def poll_quotes():
    while not time.time() > 2e9:
        time.sleep(1)
