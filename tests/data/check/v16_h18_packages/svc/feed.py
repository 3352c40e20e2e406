# Hostile review 18, H4: with __package__ rebound, 'from .mode import ...' loads legacy/mode.py, not svc/mode.py.
# expect: start TG009 a binding of __package__
__package__ = "legacy"
import threading  # noqa: E402

from .mode import heartbeat_owns_work  # noqa: E402


def start():
    if heartbeat_owns_work():
        return
    threading.Thread(target=print).start()
