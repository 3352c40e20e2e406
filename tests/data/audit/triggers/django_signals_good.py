# audit-case: a request_started receiver whose starter is guarded; a receiver never connected is unreachable
# expect: guarded thread mkt/signals.py:9 signal: mkt.signals:on_first_request -> threading.Thread(...) [by mkt.signals:on_first_request]
# expect: unreachable thread mkt/signals.py:12 threading.Thread(...)
# ===== mkt/signals.py
import os, threading
from django.core.signals import request_started
from django.dispatch import receiver

@receiver(request_started)
def on_first_request(sender, **kwargs):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()

def never_connected(sender, **kwargs):
    threading.Thread(target=print).start()
