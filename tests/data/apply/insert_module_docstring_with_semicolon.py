"""Module doc."""; import threading


def start():
    threading.Thread(target=print).start()
# case: targets=start
