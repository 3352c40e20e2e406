# U+2028 in the comment below must not shift the function bodies the verifier recovers (HOSTILE-24).
# expect: start TG001 is_hb()
import os
#    
def decoy():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat")
    return mode.lower() == "heartbeat"
def is_hb():
    open("SENT", "a").write("real is_hb\n")
    return True
def start():
    if is_hb():
        return
    print("body")
