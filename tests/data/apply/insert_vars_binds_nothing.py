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
# case: targets=Overlay.start
