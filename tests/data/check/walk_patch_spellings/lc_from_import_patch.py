from logging import Logger


def _debug(self, msg, *args, **kwargs):
    open("SENT", "a").write("debug ")


Logger.debug = _debug
