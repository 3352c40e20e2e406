# Control: a project namespace package whose name nothing else on sys.path has is proven as before.
# expect: start ok
import threading

from thorguardnsdata.modes import heartbeat_owns_work


def start():
    if heartbeat_owns_work():
        return
    threading.Thread(target=print).start()
