# Hostile review 13: a defaultdict of list calls list, and nothing calls what the registry holds: proven
# expect: start ok
import os
import threading

import app.plain_boot  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
