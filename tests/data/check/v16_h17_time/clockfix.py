"""A store on a module logging calls into (hostile review 17, H1): every record reads time.time()."""
import threading
import time

_time = time.time


def _traced_time():
    threading.Thread(target=print).start()
    return _time()


time.time = _traced_time
