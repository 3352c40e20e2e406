# Stores a module makes on its own classes (data) and on modules nobody here imports do not touch the guard.
# expect: start ok
import os
import threading

import lib.names
from app import models


def start():
    if os.environ.get(lib.names.ENV_NAME, "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(models.Feed.count,)).start()
