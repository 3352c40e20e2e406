import threading

__all__ = ["__getattr__"]


def __getattr__(name):
    threading.Thread(target=print).start()
    return 1
