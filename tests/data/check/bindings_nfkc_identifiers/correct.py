# Non-ASCII text in strings, comments and NFKC-normal identifiers (café) is not a different spelling of a name.
# expect: start ok
# expect: start_helper ok
import logging
import os
import threading

from helpers.good import is_hb

logger = logging.getLogger(__name__)
café = "ｍode ｏｓ"  # ｏｓ in a comment


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        logger.debug("ｍode=%s", mode)
        return
    threading.Thread(target=print, args=(café,)).start()


def start_helper():
    if is_hb():
        return
    threading.Thread(target=print).start()
