# Python normalises identifiers with NFKC: `ｏｓ` is `os` and `ｍode` is `mode`; libcst keeps the raw spelling.
# expect: start TG009 the identifier 'ｏｓ', which Python reads as 'os' (NFKC)
# expect: start_local_mode TG009 the identifier 'ｏｓ'
import os
import threading


class _Env:
    def get(self, *args):
        open("SENT", "a").write("fake environ.get\n")
        return "heartbeat"


class _Fake:
    environ = _Env()


_FAKE = _Fake()


def start():
    ｏｓ = _FAKE
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_local_mode():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
