# audit-case: atexit handlers run in every process (decorator and register call)
# expect: TG010 thread proj/shutdown.py:5 atexit: proj.shutdown:flush_on_exit -> threading.Thread(...)
# expect: TG010 thread proj/shutdown.py:8 atexit: proj.shutdown:drain -> threading.Thread(...)
# ===== proj/shutdown.py
import atexit, threading

@atexit.register
def flush_on_exit():
    threading.Thread(target=print).start()

def drain():
    threading.Thread(target=print).start()

atexit.register(drain)
