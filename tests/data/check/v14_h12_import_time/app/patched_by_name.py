# H1: unittest.mock patches os.environ named by a string.
# expect: start TG009 code the walk cannot read
import os
import threading
from unittest import mock

mock.patch.dict("os.environ", {"THOR_SCHEDULER_MODE": "legacy"}).start()


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
