"""Hostile review 12, H6: import-time code lowers the integer string-conversion limit, so str(10 ** 700), which
the verifier computes under its own limit, raises in the analysed process: neither world runs. The call is a door
(process-wide interpreter state changed at import time): nothing is proven."""
# expect: start TG009 installs a hook
import os
import sys
import threading

sys.set_int_max_str_digits(640)


def start():
    label = str(10**700)
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, name=label).start()
