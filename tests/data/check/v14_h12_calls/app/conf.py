import threading


def __getattr__(name):
    threading.Thread(target=print).start()
    return 1
