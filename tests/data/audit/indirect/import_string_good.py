# audit-case: a dotted path that is not a literal (built at run time) is not followed: the spawn is unreachable and the call is listed as unresolved
# expect: unreachable thread quotes/backends.py:4 threading.Thread(...)
# ===== quotes/backends.py
import threading

def start_mirror():
    threading.Thread(target=print, daemon=True).start()
# ===== quotes/apps.py
import os
from django.apps import AppConfig
from django.utils.module_loading import import_string

class QuotesConfig(AppConfig):
    def ready(self):
        import_string(os.environ["QUOTES_STARTER"])()
