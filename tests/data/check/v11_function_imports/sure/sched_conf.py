import os

from sure.conf import DEFAULTS  # noqa: F401  (conf.__getattr__('__path__') runs: conf is not a package)


def heartbeat_owns_work() -> bool:
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
