# The parent package's __init__ (run before this module) replaces the guard helper (hostile R5-8).
# expect: start TG009 pkg/__init__.py (imported with pkg.feed) patches 'pkg.feed.heartbeat_owns_work'
import os
import threading


def heartbeat_owns_work():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


def start():
    if heartbeat_owns_work():
        return
    threading.Thread(target=print).start()
