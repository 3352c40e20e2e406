# A package __init__ importing its own submodules inside a function (review 10, R10-14): `from . import workers`
# names the package itself, but the submodule's top-level code runs now.
# expect: start_background TG002 from . import workers
# expect: start_quiet ok
# expect: start_own_submodule ok
import os
import threading


def start_background() -> None:
    from . import workers  # noqa: F401

    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, daemon=True).start()


def start_quiet() -> None:
    from . import configured  # noqa: F401  (inert top-level code)

    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, daemon=True).start()


def start_own_submodule() -> None:
    from . import pollers  # noqa: F401  (imported by this package's own module body below: already ran)

    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, daemon=True).start()


from . import pollers  # noqa: E402,F401
