# audit-case: a thread started in a uWSGI @postfork hook runs in every worker (was "unreachable", exit 0)
# expect: TG010 thread feeds/service.py:4 uwsgi: proj.uwsgi_hooks:after_fork -> feeds.service:start_feed -> threading.Thread(...)
# ===== proj/uwsgi_hooks.py
from uwsgidecorators import postfork

from feeds.service import start_feed

@postfork
def after_fork():
    start_feed()
# ===== feeds/service.py
import threading

def start_feed():
    threading.Thread(target=print, daemon=True).start()
