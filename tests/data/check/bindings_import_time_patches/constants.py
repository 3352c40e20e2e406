# A module whose class is replaced (properties run code on every read), and one whose constant another module changes.
# expect: start_property TG009 patches 'util' at line 14 ('importlib.import_module(__name__).__class__ = _M')
# expect: start_changed TG009 patches 'lib.names.ENV_NAME' at line
# expect: correct ok
import os
import threading

import lib.names
import lib.setup  # noqa: F401
import util


def start_property():
    if os.environ.get(util.ENV_NAME, "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_changed():
    if os.environ.get(lib.names.ENV_NAME, "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def correct():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
