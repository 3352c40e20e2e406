# site.addsitedir runs the import lines of the .pth files there (R7-5): TG009.
# expect: start TG009 runs at import time code the walk cannot read (a string, a file by a path not known statically, a loader it does not follow), line 7 ('site.addsitedir(
import os
import site
import threading

site.addsitedir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "vendor8"))


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
