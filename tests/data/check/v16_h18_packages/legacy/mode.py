import threading


def heartbeat_owns_work():
    threading.Thread(target=print).start()
    return False
