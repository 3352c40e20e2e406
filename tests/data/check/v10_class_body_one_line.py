# Two class-body bindings of one name on one line (review 9, R9-7): the binding that survives the body is the last
# one, found in source order, not the first statement of the line.
# expect: Feed.start TG002 self.pending
# expect: Plain.start ok
import os
import threading


def _get(self):
    threading.Thread(target=print).start()
    return 0


class Feed:
    pending = 0; pending = property(_get)  # noqa: E702

    def start(self):
        if self.pending:
            return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


class Plain:
    pending = property(_get); pending = 0  # noqa: E702

    def start(self):
        if self.pending:
            return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()
