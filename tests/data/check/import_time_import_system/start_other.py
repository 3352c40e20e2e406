# An import-time edit of the import system (R4-13): which util.py `import util` loads is not proven.
# expect: start TG009 edits the import system
import threading

import paths_other  # noqa: F401
import util


def start():
    if util.heartbeat_owns_work():
        return
    threading.Thread(target=print).start()
