import threading


def carrier():
    pass


def _run():
    threading.Thread(target=print).start()


carrier.start = _run
