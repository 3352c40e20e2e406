# Review 9, FA9-6 (library variant): `from django.conf import settings` inside AppConfig.ready() before the guard
# re-imports a library module the same module already imports at its top level: by the time ready() runs it is in
# sys.modules, so the statement only looks it up. A library module the module does not import first may run its code.
# expect: FeedConfig.ready ok
# expect: FeedConfig.ready_module ok
# expect: FeedConfig.other TG002 from django.db import connection
# expect: FeedConfig.other_name TG002 from django.conf import global_settings
import os
import threading

import django.conf
from django.apps import AppConfig
from django.conf import settings  # noqa: F401


class FeedConfig(AppConfig):
    name = "feed"

    def ready(self):
        from django.conf import settings
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, args=(settings.DEBUG,)).start()

    def ready_module(self):
        import django.conf
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, args=(django.conf,)).start()

    def other(self):
        from django.db import connection
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, args=(connection,)).start()

    def other_name(self):
        from django.conf import global_settings  # a submodule the module never imported
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, args=(global_settings,)).start()
