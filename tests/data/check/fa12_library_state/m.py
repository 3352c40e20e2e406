# Review 9, FA9-7: import-time writes of library *state* in a helper module - a logger's propagate/disabled/level, a
# NullHandler added, decimal's context precision - rebind no module name and cannot start the legacy world or change
# the guard's outcome: the guard (also logging on that logger) is proven. A store replacing a logger method, a handler
# of the project's, and a write of the mode variable still count.
# expect: start ok
# expect: start_logged ok
# expect: start_rebound TG009 logger.info = print
import threading

import quiet
import rebound


def start():
    if quiet.is_hb():
        return
    threading.Thread(target=print).start()


def start_logged():
    if quiet.is_hb():
        quiet.logger.info("heartbeat mode: not starting")
        return
    threading.Thread(target=print).start()


def start_rebound():
    if rebound.is_hb():
        return
    threading.Thread(target=print).start()

