# Another project module changes, when it is imported, what the guard reads from a module (os.environ, a constant).
# expect: start TG009 patches 'os' at line 10 ('os.environ = _E(os.environ)')
import os
import threading

import app.patcher  # noqa: F401 - imported for its side effect


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
