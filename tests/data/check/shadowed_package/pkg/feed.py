# The package pkg/feed/ shadows this module: `import pkg.feed` never runs this file.
# expect: start TG009 shadows feed.py
import os
import threading


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
