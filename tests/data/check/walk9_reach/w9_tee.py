import sys
import threading


class _Tee:
    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        threading.Thread(target=print).start()
        return self._stream.write(text)

    def flush(self):
        self._stream.flush()


sys.stderr = _Tee(sys.stderr)
