import threading


def _run():
    pass


class Mixin:
    @property
    def pending_mixin(self):
        threading.Thread(target=_run).start()
        return 0

    setting = property(lambda self: threading.Thread(target=_run).start())

    LIMIT = 10
