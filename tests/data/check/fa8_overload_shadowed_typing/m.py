# `from typing import overload` with a project typing.py under the source root: not proven typing.overload.
# expect: Feed.start TG001,TG009 rebound in the class body
import os
import threading
from typing import overload


class Feed:
    @overload
    def start(self) -> None: ...

    def start(self, delay=None):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()
