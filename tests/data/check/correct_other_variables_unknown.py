# Other variables are unknown, not unset: Django's reloader check before or after the guard.
# expect: start_reloader_first ok
# expect: start_reloader_second ok
# expect: start_attribute_first ok
import os
import threading


def start_reloader_first():
    if os.environ.get("RUN_MAIN") != "true":
        return
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_reloader_second():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    if os.environ.get("RUN_MAIN") != "true":
        return
    threading.Thread(target=print).start()


class _Settings:
    disabled = False


def start_attribute_first(settings=_Settings()):
    if settings.disabled:
        return
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
