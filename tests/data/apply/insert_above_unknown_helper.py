import logging
import threading

from somewhere_else import mode_is_heartbeat

logger = logging.getLogger(__name__)


def start():
    if mode_is_heartbeat():
        return
    threading.Thread(target=print).start()
# An unknown helper is not the scheduler mode: its check stays and the canonical guard goes above it.
# case: targets=start
