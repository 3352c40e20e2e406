# A class decorator on a project BASE class runs before any subclass exists and may give the base an
# __init_subclass__ that replaces start in every subclass (hostile review 6, R6-19): TG009 unless it is a standard
# library class decorator that adds no such hook (dataclass, total_ordering…) or is listed in transparent-decorators.
# expect: Feed.start TG009 the class decorator '@instrumented' on the base class BaseService
# expect: Record.start ok
import dataclasses
import os
import threading

from tracing import instrumented


def _run():
    pass


@instrumented
class BaseService:
    pass


class Feed(BaseService):
    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


@dataclasses.dataclass
class BaseRecord:
    name: str = "feed"


class Record(BaseRecord):
    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()
