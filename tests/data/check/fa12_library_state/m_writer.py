# A write of the mode variable at import time, beside harmless logger state, still unproves the guard's read.
# expect: start_writer TG009 THOR_SCHEDULER_MODE
import threading

import writer


def start_writer():
    if writer.is_hb():
        return
    threading.Thread(target=print).start()
