# The package extends its __path__ at import time (R4-12): oldpkg.util may be another file.
# expect: start TG009 patches 'oldpkg' at line
import threading

from oldpkg import util


def start():
    if util.heartbeat_owns_work():
        return
    threading.Thread(target=print).start()
