# audit-case: an atexit handler whose body is guarded; register() of something other than atexit is no trigger
# expect: guarded thread proj/shutdown.py:7 atexit: proj.shutdown:flush_on_exit -> threading.Thread(...) [by proj.shutdown:flush_on_exit]
# expect: unreachable thread proj/shutdown.py:14 threading.Thread(...)
# ===== proj/shutdown.py
import atexit, os, threading

@atexit.register
def flush_on_exit():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()

class Registry:
    def register(self, fn):
        return fn

def plugin():
    threading.Thread(target=print).start()

Registry().register(plugin)
