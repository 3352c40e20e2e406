# H8: '@celery.<signal>.connect' is trusted only when celery is the library, not a project module.
# expect: start TG009 may run code before the function
import os
import threading

import celery


@celery.ready.connect
def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
