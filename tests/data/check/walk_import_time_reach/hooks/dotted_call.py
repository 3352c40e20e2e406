# A function reached through its full dotted name after `import hooks.boot`.
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE at import time
import os
import threading

import hooks.boot

hooks.boot.setup()


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
