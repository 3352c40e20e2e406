# A `continue` (or `break`) in a `finally` cancels the guard's pending `return`: the loop goes on and the function
# never returns in heartbeat mode (hostile review 6, R6-4). A finally that ends normally keeps the return.
# expect: start_continue TG002,TG006 while True:
# expect: start_finally_plain ok
import os
import threading


def _run():
    pass


def start_continue():
    while True:
        try:
            mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
            if mode == "heartbeat":
                return
        finally:
            continue
    threading.Thread(target=_run).start()


def start_finally_plain():
    try:
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
    finally:
        count = 1
    threading.Thread(target=_run).start()
