# audit-case: configured decorator roles: a project @every(60) registers a periodic job at import; calling a @in_thread function starts a thread
# config: audit-spawners = [{ spawner = "ops.deco:every", kind = "scheduler", role = "decorator" }, { spawner = "ops.deco:in_thread", role = "wrapper" }]
# expect: TG010 loop ops/jobs.py:10 import: ops.jobs:<module> -> ops.jobs:boot -> ops.jobs:mirror -> while-loop (time.sleep)
# expect: TG010 scheduler ops/jobs.py:4 import: ops.jobs:<module> -> ops.deco.every(...)
# expect: TG010 thread ops/jobs.py:14 import: ops.jobs:<module> -> ops.jobs:boot -> ops.jobs.mirror(...)
# ===== ops/deco.py
import threading

def every(seconds):
    def register(fn):
        return fn
    return register

def in_thread(fn):
    def run(*args):
        threading.Thread(target=fn, args=args).start()
    return run
# ===== ops/jobs.py
import time
from ops.deco import every, in_thread

@every(60)
def refresh():
    pass

@in_thread
def mirror():
    while True:
        time.sleep(1)

def boot():
    mirror()

boot()
