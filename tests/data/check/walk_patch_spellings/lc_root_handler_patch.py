import logging


class _Root(logging.Handler):
    def emit(self, record):
        open("SENT", "a").write("emit ")


logging.getLogger().addHandler(_Root())
logging.getLogger().setLevel(logging.DEBUG)
