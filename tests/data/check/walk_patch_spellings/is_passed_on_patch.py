import sys


def _vendor(paths):
    paths.insert(0, "vendor")


_vendor(sys.path)
