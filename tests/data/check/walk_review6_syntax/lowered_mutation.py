# Python 3.12 syntax (PEP 695) in the analysed module: every whole-file scan reads the same lowered tree, so the
# mutable-constant census still sees HB_VALUES.clear() run at import time (hostile review 6, R6-20, PE1).
# expect: start TG009 'mode in HB_VALUES'
import os
import threading

HB_VALUES = ["heartbeat"]

type ModeNames = list[str]


def _run():
    open("SENT", "a").write("run ")


def _reset_modes():
    HB_VALUES.clear()


_reset_modes()


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HB_VALUES:
        return
    threading.Thread(target=_run).start()
