# R5-19: an import-system edit spelled as an unbound method or through a parameter.
# expect: start TG009 edits the import system
import threading

import is_passed_on_patch
import is_passed_on_util


def _run():
    pass


def start():
    if is_passed_on_util.heartbeat_owns_work():
        return
    threading.Thread(target=_run).start()
