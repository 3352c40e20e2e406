import threading


def debug(message, *args):
    threading.Thread(target=print).start()
