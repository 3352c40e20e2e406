# audit-case: the configured wrapper called only from a guarded function: guarded, and the wrapper's own Thread is not a site
# config: audit-spawners = [{ spawner = "ops.bg:in_background", kind = "thread", target = 0 }]
# expect: guarded thread ops/apps.py:9 app-ready: ops.apps:OpsConfig.ready -> ops.bg.in_background(...) [by ops.apps:OpsConfig.ready]
# ===== ops/bg.py
import threading

def in_background(fn, *args):
    threading.Thread(target=fn, args=args, daemon=True).start()
# ===== ops/apps.py
import os
from django.apps import AppConfig
from ops.bg import in_background

class OpsConfig(AppConfig):
    def ready(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        in_background(print)
