import logging
import os
import threading

logger = logging.getLogger(__name__)


class Overlay:
    def start(self, colour="red", alpha=0.5):
        for name, value in vars().items():
            if name != "self":
                setattr(self, name, value)
        threading.Thread(target=print).start()
# apply would insert a guard that binds no local, but verifier v2 takes vars() for a rebinding of every module
# name (counterexample FROM-APPLY 6), so check would reject the fix: apply leaves it for a person with that reason.
# case: targets=Overlay.start; person=TG001
