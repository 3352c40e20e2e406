import logging


def _factory(*args, **kwargs):
    open("SENT", "a").write("record ")
    return logging.LogRecord(*args, **kwargs)


logging.setLogRecordFactory(_factory)
