import logging
import threading

logger = logging.getLogger(__name__)


class Service:
    def start(self):
        """Docstring first."""
        import os
        threading.Thread(target=print, name=os.getcwd()).start()
# case: targets=Service.start
