# Bases with no consistent method resolution order: Python raises TypeError when it creates Knot, so nothing about
# its attributes is proven (review 7, R7-10: where the MRO cannot be computed, TG009). This module never imports.
# expect: Knot.start TG009 consistent method resolution order
import os
import threading


def _run():
    pass


class A:
    pass


class B:
    pass


class X(A, B):
    pass


class Y(B, A):
    pass


class Knot(X, Y):
    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()
