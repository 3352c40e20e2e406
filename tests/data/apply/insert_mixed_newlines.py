import logging
import threading

logger = logging.getLogger(__name__)


def start():
    threading.Thread(target=print).start()
