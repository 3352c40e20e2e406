import threading


class Market:
    def __str__(self):
        threading.Thread(target=print).start()
        return "xetra"


def default_market():
    return Market()
