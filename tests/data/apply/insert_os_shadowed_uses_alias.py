import logging
import threading

logger = logging.getLogger(__name__)


def start(os):
    threading.Thread(target=print, name=os).start()
# case: targets=start
