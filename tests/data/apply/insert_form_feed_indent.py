import logging
import os
import threading

logger = logging.getLogger(__name__)


def start():
    threading.Thread(target=print).start()


class Service:
    def start(self):
        threading.Thread(target=print).start()
# case: targets=start,Service.start
