# Another module reading a name the module never binds gets what its __getattr__ returns: not proven.
# expect: start_user TG009 __getattr__
import os
import threading

from pkg.core import mode_default


def start_user():
    if os.environ.get("THOR_SCHEDULER_MODE", mode_default).lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
