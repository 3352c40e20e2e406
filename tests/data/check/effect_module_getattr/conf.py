import threading

BOUND = 3


def _load():
    pass


def __getattr__(name):
    # lazily load settings from the database on first access (PEP 562)
    threading.Thread(target=_load).start()
    return 10
