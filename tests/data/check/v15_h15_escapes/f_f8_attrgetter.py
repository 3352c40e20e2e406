# expect: start TG009
import threading
import os
import operator
import shutil

operator.attrgetter("os.environ")(shutil)["THOR_SCHEDULER_MODE"] = "legacy"


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
