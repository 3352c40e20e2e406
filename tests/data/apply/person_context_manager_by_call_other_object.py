import contextlib
import threading


def _spare():
    threading.Thread(target=print).start()
    yield


class _Other:
    @staticmethod
    def _spare():
        yield


spare = contextlib.contextmanager(_Other._spare)
# case: targets=_spare; person=TG001
