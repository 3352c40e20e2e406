# HOSTILE-30: a "pure" builtin calls the project function passed as key=; HOSTILE-34: an entry point under `if False:`.
# expect: start TG002 sorted([2, 1], key=_evil)
# expect: dead TG009 bound only under a condition
import os


def _evil(x):
    print("evil")
    return x


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return sorted([2, 1], key=_evil)
    print("body")


if False:
    def dead():
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        print("body")
