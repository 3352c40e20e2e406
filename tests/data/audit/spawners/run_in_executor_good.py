# audit-case: run_in_executor in a startup handler that returns first in heartbeat mode: guarded, and so is the pumped loop
# expect: guarded executor live/asgi.py:11 asgi: live.asgi:startup -> run_in_executor(...) [by live.asgi:startup]
# expect: guarded loop live/asgi.py:4 asgi: live.asgi:startup -> live.asgi:pump -> while-loop (time.sleep) [by live.asgi:startup]
# ===== live/asgi.py
import asyncio, os, time

def pump():
    while True:
        time.sleep(1)

async def startup():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    loop = asyncio.get_running_loop()
    loop.run_in_executor(None, pump)

def make_app(app):
    app.add_event_handler("startup", startup)
