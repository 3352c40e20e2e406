# audit-case: the lifespan startup handler calls a guarded starter: guarded
# expect: guarded thread proj/asgi.py:6 asgi: proj.asgi:application -> proj.asgi:start_feeds -> threading.Thread(...) [by proj.asgi:start_feeds]
# ===== proj/asgi.py
import os, threading

def start_feeds():
    if os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, daemon=True).start()

async def application(scope, receive, send):
    if scope["type"] == "lifespan":
        message = await receive()
        if message["type"] == "lifespan.startup":
            start_feeds()
