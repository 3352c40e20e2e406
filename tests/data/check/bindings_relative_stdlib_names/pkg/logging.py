class _Logger:
    def debug(self, *args):
        open("SENT", "a").write("pkg/logging.py debug\n")


def getLogger(name=None):
    return _Logger()
