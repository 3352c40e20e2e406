# Standard-library fall-backs, type-checking-only and dead version branches need no file.
# expect: start ok
import os
import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import walk8_types_only  # noqa: F401
if sys.version_info < (3, 0):
    import walk8_py2_only  # noqa: F401
try:
    import tomllib
except ImportError:
    tomllib = None


def _later():
    import walk8_never_called  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
