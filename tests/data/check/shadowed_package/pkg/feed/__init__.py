import threading


def start():
    threading.Thread(target=print).start()
