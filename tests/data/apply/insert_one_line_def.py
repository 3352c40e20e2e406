import logging
import threading

logger = logging.getLogger(__name__)


def start(): threading.Thread(target=print).start()  # one line


class Svc:
    def start(self): threading.Timer(1.0, print).start(); self.started = True
