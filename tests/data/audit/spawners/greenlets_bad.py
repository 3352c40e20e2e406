# audit-case: gevent.spawn, gevent.spawn_later and eventlet.spawn_n at import time
# expect: TG010 greenlet live/green.py:7 import: live.green:<module> -> gevent.spawn(...)
# expect: TG010 greenlet live/green.py:8 import: live.green:<module> -> gevent.spawn_later(...)
# expect: TG010 greenlet live/green.py:9 import: live.green:<module> -> eventlet.spawn_n(...)
# expect: TG010 loop live/green.py:4 import: live.green:<module> -> live.green:heartbeat -> while-loop (gevent.sleep)
# ===== live/green.py
import eventlet, gevent

def heartbeat():
    while True:
        gevent.sleep(5)

gevent.spawn(heartbeat)
gevent.spawn_later(10, print)
eventlet.spawn_n(print)
