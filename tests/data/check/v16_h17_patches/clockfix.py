"""Import-time patches of what the standard library calls inside a log call or a codec (hostile review 17)."""
import encodings.idna
import logging
import threading
import time

_time = time.time


def _traced_time():
    threading.Thread(target=print).start()
    return _time()


time.time = _traced_time


def _handle(record):
    threading.Thread(target=print).start()


logging.getLogger("feed.handled").handle = _handle

_to_ascii = encodings.idna.ToASCII


def _traced_to_ascii(label):
    threading.Thread(target=print).start()
    return _to_ascii(label)


encodings.idna.ToASCII = _traced_to_ascii
