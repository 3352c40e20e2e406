# audit-case: Celery worker_ready and beat_init receivers (decorator and connect) start threads in every worker/beat
# expect: TG010 thread proj/celery_hooks.py:6 celery: proj.celery_hooks:at_worker_ready -> threading.Thread(...)
# expect: TG010 thread proj/celery_hooks.py:9 celery: proj.celery_hooks:at_beat_init -> threading.Thread(...)
# ===== proj/celery_hooks.py
import threading
from celery.signals import beat_init, worker_ready

@worker_ready.connect
def at_worker_ready(sender, **kwargs):
    threading.Thread(target=print).start()

def at_beat_init(sender, **kwargs):
    threading.Thread(target=print).start()

beat_init.connect(at_beat_init)
