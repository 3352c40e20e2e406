# One definition of the worlds: guards that agree with the heartbeat on unset/heartbeat/legacy but not on every value.
# expect: start_not_legacy TG012 THOR_SCHEDULER_MODE=''
# expect: start_strip TG012 THOR_SCHEDULER_MODE='heartbeat '
# expect: start_or_default TG012 THOR_SCHEDULER_MODE=''
# expect: start_in_spellings TG004 THOR_SCHEDULER_MODE=hEaRtBeAt
# expect: start_canonical ok
# expect: start_spelled_out ok
import os
import threading


def start_not_legacy():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() != "legacy":
        return
    threading.Thread(target=print).start()


def start_strip():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").strip().lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_or_default():
    mode = (os.environ.get("THOR_SCHEDULER_MODE") or "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_in_spellings():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat") in ("heartbeat", "Heartbeat", "HEARTBEAT"):
        return
    threading.Thread(target=print).start()


def start_canonical():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_spelled_out():
    value = os.environ.get("THOR_SCHEDULER_MODE")
    if value is None or value.lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
