import logging

_real = logging.getLogger


def _get(name=None):
    open("SENT", "a").write("getLogger ")
    return _real(name)


logging.getLogger = _get
