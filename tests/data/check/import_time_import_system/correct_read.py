# sys.path only read at import time: util is the file the verifier read.
# expect: start ok
import threading

import paths_read  # noqa: F401
import util


def start():
    if util.heartbeat_owns_work():
        return
    threading.Thread(target=print).start()
