# audit-case: the @postfork hook calls a guarded starter: guarded
# expect: guarded thread feeds/service.py:6 uwsgi: proj.uwsgi_hooks:after_fork -> feeds.service:start_feed -> threading.Thread(...) [by feeds.service:start_feed]
# ===== proj/uwsgi_hooks.py
import uwsgidecorators

from feeds.service import start_feed

@uwsgidecorators.postfork
def after_fork():
    start_feed()
# ===== feeds/service.py
import os, threading

def start_feed():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, daemon=True).start()
