# HOSTILE-32: the module imports itself and stores into its own attribute; HOSTILE-30: a project function as key=.
# expect: start TG009 an attribute store on an imported module or object
import os

import self_import as _me


class _Fake:
    environ = {"THOR_SCHEDULER_MODE": "heartbeat"}


_me.os = _Fake()


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    print("body")
