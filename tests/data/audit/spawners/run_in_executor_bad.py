# audit-case: loop.run_in_executor hands a function to a thread pool (target is the second argument)
# expect: TG010 executor live/asgi.py:9 asgi: live.asgi:startup -> run_in_executor(...)
# expect: TG010 loop live/asgi.py:4 asgi: live.asgi:startup -> live.asgi:pump -> while-loop (time.sleep)
# ===== live/asgi.py
import asyncio, time

def pump():
    while True:
        time.sleep(1)

async def startup():
    loop = asyncio.get_running_loop()
    loop.run_in_executor(None, pump)

def make_app(app):
    app.add_event_handler("startup", startup)
