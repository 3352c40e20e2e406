# audit-case: request_started, post_migrate and connection_created receivers (decorator, connect() of a function and of a bound method)
# expect: TG010 thread mkt/apps.py:10 signal: mkt.apps:on_first_request -> threading.Thread(...)
# expect: TG010 thread mkt/apps.py:21 signal: mkt.apps:MktConfig.after_migrate -> threading.Thread(...)
# expect: TG010 timer mkt/apps.py:13 signal: mkt.apps:on_connect -> threading.Timer(...)
# ===== mkt/apps.py
import threading
from django.apps import AppConfig
from django.core.signals import request_started
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.dispatch import receiver

@receiver(request_started)
def on_first_request(sender, **kwargs):
    threading.Thread(target=print).start()

def on_connect(sender, connection, **kwargs):
    threading.Timer(5.0, print).start()

class MktConfig(AppConfig):
    def ready(self):
        post_migrate.connect(self.after_migrate, sender=self)
        connection_created.connect(on_connect)

    def after_migrate(self, **kwargs):
        threading.Thread(target=print).start()
