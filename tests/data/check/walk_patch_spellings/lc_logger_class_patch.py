import logging


class _Tracing(logging.Logger):
    def debug(self, msg, *args, **kwargs):
        open("SENT", "a").write("debug ")


logging.setLoggerClass(_Tracing)
