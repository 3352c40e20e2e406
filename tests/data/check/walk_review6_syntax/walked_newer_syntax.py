# A module imported with this one uses a PEP 701 f-string (valid 3.12) that older interpreters refuse and the lowering
# does not handle: what importing it runs is unknown, never "nothing" (R6-20 addendum, PE6). On 3.12+ the file is
# read and its import-time environment write is the TG009; either way the entry point is unproven.
# expect: start TG009
import os
import threading

import boot  # noqa: F401


def _run():
    open("SENT", "a").write("run ")


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
