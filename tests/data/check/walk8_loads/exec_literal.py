# exec of a string: code the walk does not read (R7-5).
# expect: start TG009 runs at import time code the walk cannot read
import os
import threading

exec("import os; os.environ.setdefault('THOR_SCHEDULER_MODE', 'legacy')", {})


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
