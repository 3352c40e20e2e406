# A walrus inside a comprehension binds in the enclosing function (or module) scope (PEP 572), not in the comprehension.
# expect: start TG001 'os'
# expect: start_never_runs TG001 'os'
# expect: start_module_level TG009 'environ'
# expect: start_mode_rebound TG001
# expect: correct_other_name ok
# expect: correct_nested_lambda ok
import os
import threading


class _Env:
    def get(self, *args):
        open("SENT", "a").write("fake environ.get\n")
        return "heartbeat"


class _Fake:
    environ = _Env()


_FAKE = _Fake()
_ = [(environ := _FAKE.environ) for _ in [1]]


def start():
    _ = [(os := _FAKE) for _ in [1]]
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_never_runs():
    # Never iterates, but `os` is still a local of the function: the guard raises UnboundLocalError in every world.
    _ = [(os := _FAKE) for _ in ()]
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_module_level():
    if environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_mode_rebound(items=("legacy",)):
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    _ = [(mode := item) for item in items]
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()


def correct_other_name(items=(1, 2)):
    _ = [(n := item) for item in items]
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print, args=(n,)).start()


def correct_nested_lambda():
    f = lambda: [(os := 1) for _ in ()]  # noqa: E731 - binds in the lambda's scope, not in the function
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=f).start()
