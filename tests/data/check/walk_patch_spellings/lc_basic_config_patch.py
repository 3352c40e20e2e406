import logging


class _Root(logging.Handler):
    def emit(self, record):
        open("SENT", "a").write("emit ")


logging.basicConfig(level=logging.DEBUG, handlers=[_Root()])
