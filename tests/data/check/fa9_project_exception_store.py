# A dunder stored on the exception class after its definition (`HeartbeatOwnsWork.__str__ = f`) runs when it is
# reported: not a trivial exception class (the neighbour of fa9_project_exceptions; the store on a module-level
# name already unproves it).
# expect: start TG009 HeartbeatOwnsWork.__str__ = _describe
import os
import threading


class HeartbeatOwnsWork(RuntimeError):
    """Raised by legacy starters when the heartbeat scheduler is in charge."""


def _describe(self):
    threading.Thread(target=print).start()
    return "x"


HeartbeatOwnsWork.__str__ = _describe


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        raise HeartbeatOwnsWork("the heartbeat owns periodic work")
    threading.Thread(target=print).start()
