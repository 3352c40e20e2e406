# R5-12 CM3: vars() of the class
# expect: start TG009 vars(Cfg)["HB_VALUES"].clear()
import os
import sys
import threading

HB_VALUES = ["heartbeat"]

class Cfg:
    HB_VALUES = ["heartbeat"]

vars(Cfg)["HB_VALUES"].clear()


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in Cfg.HB_VALUES:
        return
    threading.Thread(target=print).start()
