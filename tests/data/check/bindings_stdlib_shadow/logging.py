class _Logger:
    def debug(self, *args):
        open("SENT", "a").write("logging.py debug\n")


def getLogger(name=None):
    return _Logger()
