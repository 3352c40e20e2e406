# audit-case: a team's own wrapper listed in audit-spawners: each call is a spawn site, and its target runs in the background
# config: audit-spawners = ["ops.bg:in_background", { spawner = "ops.bg:Runner.launch", kind = "process", target = 1 }]
# expect: TG010 loop ops/apps.py:6 app-ready: ops.apps:OpsConfig.ready -> ops.apps:poll -> while-loop (time.sleep)
# expect: TG010 process ops/apps.py:13 app-ready: ops.apps:OpsConfig.ready -> ops.bg.Runner.launch(...)
# expect: TG010 thread ops/apps.py:12 app-ready: ops.apps:OpsConfig.ready -> ops.bg.in_background(...)
# ===== ops/bg.py
import multiprocessing, threading

def in_background(fn, *args):
    threading.Thread(target=fn, args=args, daemon=True).start()

class Runner:
    def launch(self, name, fn):
        multiprocessing.Process(target=fn, name=name).start()
# ===== ops/apps.py
import time
from django.apps import AppConfig
from ops.bg import Runner, in_background

def poll():
    while True:
        time.sleep(5)

class OpsConfig(AppConfig):
    def ready(self):
        runner = Runner()
        in_background(poll)
        runner.launch("mirror", print)
