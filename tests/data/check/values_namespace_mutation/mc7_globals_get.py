# R5-1 MC7: .get() of the namespace
# expect: start TG009 globals().get("HB_VALUES").remove("heartbeat")
import os
import sys
import threading

HB_VALUES = ["heartbeat"]

class Cfg:
    HB_VALUES = ["heartbeat"]

globals().get("HB_VALUES").remove("heartbeat")


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HB_VALUES:
        return
    threading.Thread(target=print).start()
