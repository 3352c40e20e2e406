import logging
import threading
from os import environ

logger = logging.getLogger(__name__)


def start():
    threading.Thread(target=print, name=environ.get("NAME", "x")).start()
