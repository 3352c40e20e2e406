# A project typing.py first on sys.path: which `overload` the stubs get is not known.
import threading


def overload(function):
    threading.Thread(target=print).start()
    return function
