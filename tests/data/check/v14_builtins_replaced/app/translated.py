# builtins._ adds a global; set() is still the built-in: the registration stores boot without calling it.
# expect: start ok
import os
import threading

import app.gettext_hook

REGISTRY = set()


def register(function):
    REGISTRY.add(function)
    return function


@register
def boot():
    os.environ["THOR_SCHEDULER_MODE"] = "legacy"


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
