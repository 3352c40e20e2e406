# Its PEP 562 __getattr__ starts the worker for any name it does not bind.
import threading

__all__ = ["BOUND"]
BOUND = 1


def _work():
    pass


def __getattr__(name):
    threading.Thread(target=_work).start()
    raise AttributeError(name)
