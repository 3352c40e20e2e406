# Other modules' constants changed by augmented assignment or bound in with/for blocks are not proven.
# expect: start_augmented TG009 'VARIABLE' is bound at line 3
# expect: start_with TG009 DEFAULT
# expect: start_for TG009 FALLBACK
# expect: start_stable ok
import os
import threading

from pkg import settings


def start_augmented():
    if os.environ.get(settings.VARIABLE, "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_with():
    if os.environ.get("THOR_SCHEDULER_MODE", settings.DEFAULT).lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_for():
    if os.environ.get("THOR_SCHEDULER_MODE", settings.FALLBACK).lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_stable():
    if os.environ.get(settings.STABLE, "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
