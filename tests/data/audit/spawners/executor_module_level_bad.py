# audit-case: an executor created at module level and used from another module's start-up code
# expect: TG010 executor quotes/apps.py:8 app-ready: quotes.apps:QuotesConfig.ready -> ThreadPoolExecutor.submit(...)
# expect: TG010 loop quotes/work.py:5 app-ready: quotes.apps:QuotesConfig.ready -> quotes.work:refresh_forever -> while-loop (time.sleep)
# ===== quotes/pools.py
from concurrent.futures import ThreadPoolExecutor

executor = ThreadPoolExecutor(max_workers=4)
# ===== quotes/work.py
import time

def refresh_forever():
    # a long-lived job handed to the pool
    while True:
        time.sleep(1)
# ===== quotes/apps.py
from django.apps import AppConfig

from quotes.pools import executor
from quotes.work import refresh_forever

class QuotesConfig(AppConfig):
    def ready(self):
        executor.submit(refresh_forever)
