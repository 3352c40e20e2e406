# audit-case: import_string("literal")() and import_module("literal"), and a dotted path held by a settings constant
# expect: TG010 thread quotes/backends.py:5 app-ready: quotes.apps:QuotesConfig.ready -> quotes.backends:StreamingBackend.start -> threading.Thread(...)
# expect: TG010 thread quotes/backends.py:8 app-ready: quotes.apps:QuotesConfig.ready -> quotes.backends:start_mirror -> threading.Thread(...)
# expect: TG010 timer quotes/feeds.py:4 app-ready: quotes.apps:QuotesConfig.ready -> quotes.feeds:boot -> threading.Timer(...)
# ===== proj/settings.py
QUOTE_BACKEND = "quotes.backends.StreamingBackend"
# ===== quotes/backends.py
import threading

class StreamingBackend:
    def start(self):
        threading.Thread(target=print, daemon=True).start()

def start_mirror():
    threading.Thread(target=print, daemon=True).start()
# ===== quotes/feeds.py
import threading

def boot():
    threading.Timer(1.0, print).start()
# ===== quotes/apps.py
import importlib
from django.apps import AppConfig
from django.conf import settings
from django.utils.module_loading import import_string

class QuotesConfig(AppConfig):
    def ready(self):
        backend = import_string(settings.QUOTE_BACKEND)()
        backend.start()
        import_string("quotes.backends.start_mirror")()
        importlib.import_module("quotes.feeds").boot()
