# An import-time write of the environment in a module imported with this one (R4-4): the mode read is unproven.
# expect: start TG009 writes environment variables not known statically
import os
import threading

import settings_dotenv  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
