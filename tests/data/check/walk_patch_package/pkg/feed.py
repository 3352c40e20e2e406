# expect: start TG009 pkg/__init__.py (imported with pkg.feed) patches 'pkg.feed' at line 9
import os
import threading


def _run():
    pass


def heartbeat_owns_work():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


def start():
    if heartbeat_owns_work():
        return
    threading.Thread(target=_run).start()
