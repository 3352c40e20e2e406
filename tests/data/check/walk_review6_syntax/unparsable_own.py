# The analysed module itself holds a PEP 701 f-string: on an interpreter that cannot parse it, every scan would see
# an empty file; instead the entry point is unproven (on 3.12+ the file parses and the guard is proven).
# expect: start TG009
import os

BANNER = f"mode: {os.environ.get("THOR_SCHEDULER_MODE", "heartbeat")}"


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    print("legacy")
