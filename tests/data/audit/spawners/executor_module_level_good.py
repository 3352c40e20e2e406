# audit-case: the module-level executor used only behind a guard is guarded
# expect: guarded executor quotes/apps.py:9 app-ready: quotes.apps:QuotesConfig.ready -> ThreadPoolExecutor.submit(...) [by quotes.apps:QuotesConfig.ready]
# ===== quotes/pools.py
from concurrent.futures import ThreadPoolExecutor

executor = ThreadPoolExecutor(max_workers=4)
# ===== quotes/apps.py
import os
from django.apps import AppConfig
from quotes.pools import executor

class QuotesConfig(AppConfig):
    def ready(self):
        if os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        executor.submit(print)
