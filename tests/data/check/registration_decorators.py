# Registration decorators return the function unchanged (FROM-AUDIT 1) — except Django's Signal.connect, which
# returns None: the module name `on_started` is None afterwards (hostile VH-15).
# expect: on_first_request ok
# expect: on_exit ok
# expect: on_started TG009 may run code before the function or replace it
import atexit
import os
import threading

from django.core.signals import request_started
from django.dispatch import receiver


@receiver(request_started)
def on_first_request(sender, **kwargs):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


@atexit.register
def on_exit():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


@request_started.connect
def on_started(sender, **kwargs):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
