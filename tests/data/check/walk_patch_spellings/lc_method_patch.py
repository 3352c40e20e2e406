import logging


def _debug(self, msg, *args, **kwargs):
    open("SENT", "a").write("debug ")


logging.Logger.debug = _debug
