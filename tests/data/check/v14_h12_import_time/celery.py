# A project module named like the Celery library (Django projects keep `proj/celery.py`): its `.connect` is not
# Celery's Signal.connect (hostile review 12, H8).
import threading


class _Hook:
    def connect(self, receiver):
        def wrapper(*args, **kwargs):
            threading.Thread(target=print).start()
            return receiver(*args, **kwargs)

        return wrapper


ready = _Hook()
