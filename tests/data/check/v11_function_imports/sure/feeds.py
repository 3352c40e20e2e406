# Function-level imports before the guard (review 10). "Already imported" means *surely* imported when the entry
# point runs: by an import statement directly in the module body of this module or of a module surely imported in
# turn (R10-1) — not one in a function only registered (HOOKS), nor one under `if sys.platform == "win32":`. An
# inert module proves `logging` is the standard library's and that its annotations run no project
# __class_getitem__ (R10-2). `from M import X` runs M's PEP 562 __getattr__ for '__path__' when M is not a
# package, and for X when the package binds no X (R10-3).
# expect: Hooked.start TG002 from sure import heavy_hooks
# expect: Platform.start TG002 from sure import heavy_platform
# expect: Surely.start ok
# expect: Transitive.start ok
# expect: ConfMissing.start TG002 from sure.conf import FEED_LIMIT
# expect: ConfBound.start TG002 from sure.conf import DEFAULTS
# expect: LazyBound.start ok
# expect: LazyMissing.start TG002 from sure.lazy import MISSING
# expect: ConfHelper.start TG001 from sure.sched_conf import
# expect: LoggingShim.start TG001 from sure.sched_logs import
# expect: LoggingStd.start ok
# expect: Annotated.start TG002 from sure import registry
# expect: AnnotatedArgs.start TG002 from sure import registry_args
import os
import sys
import threading

from sure import conf  # noqa: F401  (imported with this module)
from sure import deep  # noqa: F401  (surely imported: a statement of the module body)
from sure import lazy  # noqa: F401
from sure import models  # noqa: F401
from sure import relay  # noqa: F401  (imports sure.deep in its own module body)

if sys.platform == "win32":  # not run here: heavy_platform is not imported
    from sure import heavy_platform  # noqa: F401


def _load_heavy():
    from sure import heavy_hooks  # noqa: F401


HOOKS = [_load_heavy]  # registered, called later by whoever wants it (maybe never)


def _mode_is_heartbeat() -> bool:
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


class Hooked:
    def start(self) -> None:
        from sure import heavy_hooks  # noqa: F401

        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, daemon=True).start()


class Platform:
    def start(self) -> None:
        from sure import heavy_platform  # noqa: F401

        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, daemon=True).start()


class Surely:
    def start(self) -> None:
        from sure import deep  # noqa: F401

        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, daemon=True).start()


class Transitive:
    def start(self) -> None:
        from sure.relay import deep  # noqa: F401

        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, daemon=True).start()


class ConfMissing:
    def start(self) -> None:
        from sure.conf import FEED_LIMIT  # noqa: F401

        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, daemon=True).start()


class ConfBound:
    def start(self) -> None:
        from sure.conf import DEFAULTS  # noqa: F401

        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, daemon=True).start()


class LazyBound:
    def start(self) -> None:
        from sure.lazy import LIMIT  # noqa: F401

        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, daemon=True).start()


class LazyMissing:
    def start(self) -> None:
        try:
            from sure.lazy import MISSING  # noqa: F401
        except ImportError:
            pass
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, daemon=True).start()


class ConfHelper:
    def start(self) -> None:
        from sure.sched_conf import heartbeat_owns_work

        if heartbeat_owns_work():
            return
        threading.Thread(target=print, daemon=True).start()


class LoggingShim:
    def start(self) -> None:
        from sure.sched_logs import heartbeat_owns_work

        if heartbeat_owns_work():
            return
        threading.Thread(target=print, daemon=True).start()


class LoggingStd:
    def start(self) -> None:
        from sure.sched_std import heartbeat_owns_work

        if heartbeat_owns_work():
            return
        threading.Thread(target=print, daemon=True).start()


class Annotated:
    def start(self) -> None:
        from sure import registry  # noqa: F401

        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, daemon=True).start()


class AnnotatedArgs:
    def start(self) -> None:
        from sure import registry_args  # noqa: F401

        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, daemon=True).start()
