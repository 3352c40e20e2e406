# audit-case: asyncio.run inside a thread target: the coroutine's sleeping loop runs in that thread
# expect: TG010 loop ticker/apps.py:5 app-ready: ticker.apps:TickerConfig.ready -> ticker.apps:_thread_main -> ticker.apps:ticker -> while-loop (asyncio.sleep)
# expect: TG010 thread ticker/apps.py:13 app-ready: ticker.apps:TickerConfig.ready -> threading.Thread(...)
# ===== ticker/apps.py
import asyncio, threading
from django.apps import AppConfig

async def ticker():
    while True:
        await asyncio.sleep(1)

def _thread_main():
    asyncio.run(ticker())

class TickerConfig(AppConfig):
    def ready(self):
        threading.Thread(target=_thread_main, daemon=True).start()
