# R5-12 CM1: a class's __dict__ item
# expect: start TG009 Cfg.__dict__["HB_VALUES"].clear()
import os
import sys
import threading

HB_VALUES = ["heartbeat"]

class Cfg:
    HB_VALUES = ["heartbeat"]

Cfg.__dict__["HB_VALUES"].clear()


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in Cfg.HB_VALUES:
        return
    threading.Thread(target=print).start()
