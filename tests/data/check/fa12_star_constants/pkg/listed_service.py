# A literal __all__: only its names are copied. OTHER is not: reading it raises NameError in every world, so the
# legacy body never runs (TG006).
# expect: start_listed ok
# expect: start_unlisted TG006
import os
import threading

from .listed import *  # noqa: F403


def start_listed():
    if os.environ.get(ENV_VAR, HEARTBEAT).lower() == HEARTBEAT:
        return
    threading.Thread(target=print).start()


def start_unlisted():
    if os.environ.get(ENV_VAR, HEARTBEAT).lower() == HEARTBEAT or OTHER:
        return
    threading.Thread(target=print).start()
