# The same spelling in another function of a module: `ｍode = "legacy"` rebinds the guard's local `mode`.
# expect: start TG009 the identifier 'ｍode', which Python reads as 'mode' (NFKC)
# expect: via_helper TG009
import os
import threading

from helpers.hb import is_hb


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    ｍode = "legacy"
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()


def via_helper():
    if is_hb():
        return
    threading.Thread(target=print).start()
