# audit-case: asyncio.run inside a thread target that nothing starts: the thread is unreachable (loops below an unreachable target are not listed)
# expect: unreachable thread ticker/loops.py:11 threading.Thread(...)
# ===== ticker/loops.py
import asyncio, threading

async def ticker():
    while True:
        await asyncio.sleep(1)

def _thread_main():
    asyncio.run(ticker())

def start_ticker():
    threading.Thread(target=_thread_main, daemon=True).start()
