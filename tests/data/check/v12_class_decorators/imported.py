# The same class decorator imported from another module: that module is asked about 'imported.Defaults.*'.
# expect: start_imported TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

from decorators import configure


@configure
class Defaults:
    @staticmethod
    def apply():
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def start_imported():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
