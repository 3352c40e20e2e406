# enum.StrEnum exists from Python 3.11 on (the differential test skips this module on 3.10)
# expect: str_enum_value ok
import os
import threading
from enum import StrEnum


class StrMode(StrEnum):
    HEARTBEAT = "heartbeat"


def str_enum_value():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == StrMode.HEARTBEAT.value:
        return
    threading.Thread(target=print).start()
