# audit-case: the worker_ready receiver is guarded
# expect: guarded thread proj/celery_hooks.py:8 celery: proj.celery_hooks:at_worker_ready -> threading.Thread(...) [by proj.celery_hooks:at_worker_ready]
# ===== proj/celery_hooks.py
import os, threading
from celery.signals import worker_ready

@worker_ready.connect
def at_worker_ready(sender, **kwargs):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
