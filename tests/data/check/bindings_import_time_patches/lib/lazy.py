import os
import sys


def install(name):
    # Runs only when called: not an import-time patch (the documented assumption covers callers).
    sys.modules[name] = os
    os.environ = {}
