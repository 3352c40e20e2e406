# The package extends its __path__ at import time (R4-12): nspkg.util may be another file.
# expect: start TG009 patches 'nspkg' at line
import threading

from nspkg import util


def start():
    if util.heartbeat_owns_work():
        return
    threading.Thread(target=print).start()
