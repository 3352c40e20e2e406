import logging
import threading

from somewhere_else import mode_is_heartbeat

logger = logging.getLogger(__name__)


def start():
    if mode_is_heartbeat():
        return
    threading.Thread(target=print).start()
# case: person=TG009
