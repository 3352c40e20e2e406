# Hostile review 14: `import uuid` imports platform, which here is the project's and sets the mode.
# expect: start TG009 THOR_SCHEDULER_MODE
import os
import threading
import uuid


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(uuid,)).start()
