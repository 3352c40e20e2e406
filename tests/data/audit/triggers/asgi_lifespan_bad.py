# audit-case: ASGI lifespan startup: a raw ASGI app handling "lifespan.startup", and Starlette's on_startup list
# expect: TG010 thread proj/asgi.py:7 asgi: proj.asgi:application -> threading.Thread(...)
# expect: TG010 thread proj/star.py:5 asgi: proj.star:warm_caches -> threading.Thread(...)
# ===== proj/asgi.py
import threading

async def application(scope, receive, send):
    if scope["type"] == "lifespan":
        message = await receive()
        if message["type"] == "lifespan.startup":
            threading.Thread(target=print, daemon=True).start()
            await send({"type": "lifespan.startup.complete"})
# ===== proj/star.py
import threading
from starlette.applications import Starlette

def warm_caches():
    threading.Thread(target=print, daemon=True).start()

app = Starlette(on_startup=[warm_caches])
