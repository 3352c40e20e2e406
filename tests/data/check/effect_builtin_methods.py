# Built-in method names are pure only where the receiver is proven to be a built-in value (item 7 of the hostile
# review's notes): on a receiver of unknown type `.get(url)` may be an HTTP request (requests.Session.get),
# `.join()` a thread join, `.count()` a query. Only str-only names (`.lower()`, `.strip()`, `.startswith()`…) stay
# assumed pure on unknown receivers (a stated assumption); every built-in method is pure on literals, known module
# constants and reads of other environment variables with a string default.
# expect: Feed.start_session_get TG002 self.session.get("http://example.invalid/status")
# expect: Feed.start_worker_join TG002 self._worker.join()
# expect: Feed.start_query_count TG002 self.qs.count()
# expect: Feed.start_class_method_by_name TG002 Registry.lower()
# expect: Feed.start_str_only_names ok
# expect: Feed.start_proven_builtins ok
# expect: Feed.start_env_text ok
# expect: start_signal_handler ok
# expect: start_rebound_kwargs TG002 kwargs.get("raw")
import os
import threading

NAMES = {"eu": "Europe"}


class _Client:
    def get(self, url):
        threading.Thread(target=print).start()
        return url

    def join(self):
        threading.Thread(target=print).start()

    def count(self):
        threading.Thread(target=print).start()
        return 0


class Registry:
    @classmethod
    def lower(cls):
        threading.Thread(target=print).start()
        return "x"


class Feed:
    label = " Feed "

    def __init__(self):
        self.session = _Client()
        self._worker = _Client()
        self.qs = _Client()

    def start_session_get(self):
        status = self.session.get("http://example.invalid/status")
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, args=(status,)).start()

    def start_worker_join(self):
        self._worker.join()
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_query_count(self):
        pending = self.qs.count()
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, args=(pending,)).start()

    def start_class_method_by_name(self):
        name = Registry.lower()
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, args=(name,)).start()

    def start_str_only_names(self):
        label = self.label.strip().lower()
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, args=(label,)).start()

    def start_proven_builtins(self):
        joined = ", ".join(["a", "b"])
        region = NAMES.get("eu", "")
        keys = NAMES.keys()
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, args=(joined, region, keys)).start()

    def start_env_text(self):
        hosts = os.environ.get("ALLOWED_HOSTS", "").strip().split(",")
        stars = os.environ.get("ALLOWED_HOSTS", "").count("*")
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, args=(hosts, stars)).start()


def start_signal_handler(sender=None, **kwargs):
    # the function's own **kwargs is a dict for certain: .get is dict.get (Django's `raw` fixture-loading flag)
    if kwargs.get("raw"):
        return
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_rebound_kwargs(sender=_Client(), **kwargs):
    kwargs = sender
    if kwargs.get("raw"):
        return
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
