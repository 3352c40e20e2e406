# Python 3.12 syntax in the module: the attribute-store scan reads the lowered tree too, so the __init__ that
# replaces start on the instance is seen (hostile review 6, R6-20, PE3).
# expect: Feed.start TG009 the attribute store at line 16
import os
import threading

type JobId = int


def _run():
    open("SENT", "a").write("run ")


class Feed:
    def __init__(self):
        self.start = self._start_now  # callers that predate the migration get the old behaviour

    def _start_now(self):
        threading.Thread(target=_run).start()

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()
