# Hostile rebinding (generator HOSTILE-1..6, GEN-6): every door closes with TG009/TG012, never "guarded".
# expect: start_match_wildcard TG012 THOR_SCHEDULER_MODE=''
# expect: start_match_only_wildcard TG006
import os
import threading


def start_match_wildcard():
    match os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower():
        case "legacy":
            pass
        case _:
            return
    threading.Thread(target=print).start()


def start_match_only_wildcard():
    match os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower():
        case _:
            return
    threading.Thread(target=print).start()
