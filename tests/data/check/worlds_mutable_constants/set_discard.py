# A set constant with .discard() (B8) and an augmented assignment in a function (a set's |= is in place).
# expect: start TG009 HB
# expect: start_augmented TG009 HB2
import os
import threading

HB = {"heartbeat"}
HB.discard("heartbeat")
HB2 = {"heartbeat"}


def extend():
    global HB2
    HB2 |= {"legacy"}


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HB:
        return
    threading.Thread(target=print).start()


def start_augmented():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HB2:
        return
    threading.Thread(target=print).start()
