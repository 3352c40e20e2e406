# A class body built in the guard branch calls __set_name__ on every value it binds (hostile SN).
# expect: start TG002 class _Tmp
# expect: start_inert ok
import os
import threading


class _D:
    def __set_name__(self, owner, name):
        threading.Thread(target=print).start()


_OBJ = _D()


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        class _Tmp:
            a = _OBJ
        return
    threading.Thread(target=print).start()


def start_inert():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        class _Tmp:
            a = 1
            name = "x"

            def method(self):
                return 1
        return _Tmp
    threading.Thread(target=print).start()
