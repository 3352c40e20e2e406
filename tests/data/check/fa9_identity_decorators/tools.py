# A project decorator called override: it runs code when applied and replaces the function.
import threading


def override(function):
    threading.Thread(target=print).start()
    return lambda *args: threading.Thread(target=print).start()
