# audit-case: Celery beat's periodic tasks registered from an on_after_configure hook
# expect: TG010 beat proj/celery.py:8 celery: proj.celery:setup_periodic_tasks -> add_periodic_task(...)
# ===== proj/celery.py
from celery import Celery

app = Celery("proj")

@app.on_after_configure.connect
def setup_periodic_tasks(sender, **kwargs):
    # every 10 seconds, in every beat process
    sender.add_periodic_task(10.0, refresh_quotes.s())

@app.task
def refresh_quotes():
    pass
