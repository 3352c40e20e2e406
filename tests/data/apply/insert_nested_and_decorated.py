import functools
import logging
import threading

logger = logging.getLogger(__name__)


def traced(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


class Outer:
    class Inner:
        @traced
        def start(self):
            def worker():
                print("work")
            threading.Thread(target=worker).start()

    @staticmethod
    def start():
        threading.Thread(target=print).start()

    @classmethod
    @traced
    def start_all(cls):
        threading.Thread(target=print).start()
# case: targets=*.start,*.start_all; transparent=cases.insert_nested_and_decorated.traced
