# An attribute read on another project class (`Flags.enabled`, `SchedulerMode.HEARTBEAT`) is the value of its one
# binding in the class body, when nothing can change it: it used to be taken as a (truthy) bound method, so
# `if Flags.enabled:` was walked as always true and the heartbeat world's path through the other branch was never
# seen. Now the value decides (a False flag leads to the thread: TG001; an unknown flag, TG009), a string constant is a comparand of the mode
# (hostile review 4, FA-3), and a class attribute changed anywhere in the module, or a list changed in place, is
# unknown.
# expect: start_flag TG001
# expect: start_mode_constant ok
# expect: start_changed_flag TG009
# expect: start_mutated_values TG009
import os
import threading


class Flags:
    enabled = False


class Changed:
    enabled = True


Changed.enabled = False


class SchedulerMode:
    HEARTBEAT = "heartbeat"
    VALUES = ["heartbeat"]


SchedulerMode.VALUES.append("legacy")


def start_flag():
    if Flags.enabled:
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
        return
    threading.Thread(target=print).start()


def start_mode_constant():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == SchedulerMode.HEARTBEAT:
        return
    threading.Thread(target=print).start()


def start_changed_flag():
    if Changed.enabled:
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
        return
    threading.Thread(target=print).start()


def start_mutated_values():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() in SchedulerMode.VALUES:
        return
    threading.Thread(target=print).start()
