import logging


class _Root(logging.Handler):
    def emit(self, record):
        open("SENT", "a").write("emit ")


_root = logging.getLogger()
_root.setLevel(logging.DEBUG)
_root.handlers.append(_Root())
