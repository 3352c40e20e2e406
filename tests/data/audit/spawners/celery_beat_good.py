# audit-case: the beat hook behind the guard is guarded
# expect: guarded beat proj/celery.py:10 celery: proj.celery:setup_periodic_tasks -> add_periodic_task(...) [by proj.celery:setup_periodic_tasks]
# ===== proj/celery.py
import os
from celery import Celery

app = Celery("proj")

@app.on_after_configure.connect
def setup_periodic_tasks(sender, **kwargs):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    sender.add_periodic_task(10.0, print)
