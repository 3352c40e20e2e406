# audit-case: a gevent pool created at module level and used from another module, which never spells "gevent"
# expect: TG010 greenlet live/apps.py:7 app-ready: live.apps:LiveConfig.ready -> Pool.spawn(...)
# ===== live/pools.py
from gevent.pool import Pool

pool = Pool(10)
# ===== live/apps.py
from django.apps import AppConfig

from live.pools import pool

class LiveConfig(AppConfig):
    def ready(self):
        pool.spawn(print)
