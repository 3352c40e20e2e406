# Review 9, FA9-11: raising a project exception whose __init__ only hands its values on to super().__init__ and
# records them on self (parameters and literals only) runs no project code beyond that: the guard is proven. An
# __init__ that computes, calls or starts anything is judged as the project call it is.
# expect: start ok
# expect: start_defaults ok
# expect: start_derived ok
# expect: start_computed TG002 'Computed("heartbeat")'
# expect: start_effect TG002 'Effectful("heartbeat")'
# expect: start_decorated TG002 'Decorated("heartbeat")'
import os
import threading


def _effect():
    threading.Thread(target=print).start()
    return 1


def _traced(function):
    def wrapper(*args, **kwargs):
        _effect()
        return function(*args, **kwargs)

    return wrapper


class NotStarted(RuntimeError):
    """The heartbeat owns the work."""

    def __init__(self, msg, code=1, *, detail=None):
        """Keep the code for the caller."""
        super().__init__(msg)
        self.code = code
        self.detail: object = detail


class Derived(NotStarted):
    def __init__(self, msg):
        super().__init__(msg, 2)
        self.kind = "derived"


class Computed(RuntimeError):
    def __init__(self, msg):
        super().__init__(msg)
        self.code = _effect()


class Effectful(RuntimeError):
    def __init__(self, msg):
        _effect()
        super().__init__(msg)


class Decorated(RuntimeError):
    @_traced
    def __init__(self, msg):
        super().__init__(msg)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        raise NotStarted("heartbeat mode")
    threading.Thread(target=print).start()


def start_defaults():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        raise NotStarted("heartbeat mode", code=2, detail="x")
    threading.Thread(target=print).start()


def start_derived():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        raise Derived("heartbeat mode")
    threading.Thread(target=print).start()


def start_computed():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        raise Computed("heartbeat")
    threading.Thread(target=print).start()


def start_effect():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        raise Effectful("heartbeat")
    threading.Thread(target=print).start()


def start_decorated():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        raise Decorated("heartbeat")
    threading.Thread(target=print).start()
