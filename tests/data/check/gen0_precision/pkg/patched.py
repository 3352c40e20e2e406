# `util.ENV_NAME += "_V2"` here: an attribute store on an imported module makes `util` unproven.
# expect: start TG009 an attribute store on an imported module
import os
import threading

from pkg import util

util.ENV_NAME += "_V2"


def start():
    if os.environ.get(util.ENV_NAME, "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
