import re
import threading

_original = re.compile


def _compile(*args, **kwargs):
    threading.Thread(target=print).start()
    return _original(*args, **kwargs)


re.compile = _compile
