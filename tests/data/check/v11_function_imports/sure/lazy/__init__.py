import threading

LIMIT = 1


def __getattr__(name):
    threading.Thread(target=print, daemon=True).start()  # loads the name lazily
    raise AttributeError(name)
