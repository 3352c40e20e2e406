# A handler of the project's added at import time runs on the guard's log call (an effect before it returns).
# expect: start_handled TG002
import threading

import handled


def start_handled():
    if handled.is_hb():
        handled.logger.info("heartbeat mode: not starting")
        return
    threading.Thread(target=print).start()
