# A function-level import of a project module before the guard (review 9, FA9-6): Django's AppConfig.ready() imports
# the project's modules there to avoid import cycles. It runs no code when the module is already imported by this
# module's import-time code, or when its top-level code is inert; otherwise the module's top level may run now.
# expect: FeedsConfig.ready ok
# expect: Configured.ready ok
# expect: Noisy.ready TG001 from .noisy import
# expect: Relayed.ready TG001 from . import relay
import threading

from feeds import configured  # noqa: F401  (imported with this module: its top level already ran)


class FeedsConfig:
    def ready(self):
        from .scheduler import heartbeat_owns_work

        if heartbeat_owns_work():
            return
        threading.Thread(target=print).start()


class Configured:
    def ready(self):
        from feeds.configured import heartbeat_owns_work

        if heartbeat_owns_work():
            return
        threading.Thread(target=print).start()


class Noisy:
    def ready(self):
        from .noisy import heartbeat_owns_work

        if heartbeat_owns_work():
            return
        threading.Thread(target=print).start()


class Relayed:
    def ready(self):
        from . import relay

        if relay.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()
