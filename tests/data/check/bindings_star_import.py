# A star import can rebind any name.
# expect: start TG009 the star import 'from helpers_anywhere import *'
import os
import threading
from helpers_anywhere import *


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
