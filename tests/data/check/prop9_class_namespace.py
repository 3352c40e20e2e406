# A method's default arguments and a class attribute computed from an earlier class attribute are evaluated in the
# class body, where the class's own names shadow the module's (review 8, R8-11): the helper reads the class's
# VARIABLE ("PATH", TG007), compares with the class's HEARTBEAT (never true: TG006), and a correct helper whose
# default names a class constant is accepted (the ND3 false alarm). A class attribute bound only after the def is
# not in the namespace when the default is evaluated: the module's value is read.
# expect: ShadowedName.start TG007 PATH
# expect: ShadowedComparand.start TG006
# expect: ClassConstant.start ok
# expect: DerivedAttribute.start TG007 PATH
# expect: BoundLater.start ok
import os
import threading

VARIABLE = "THOR_SCHEDULER_MODE"
HEARTBEAT = "heartbeat"


def _run():
    pass


class ShadowedName:
    VARIABLE = "PATH"

    def _owns(self, name=VARIABLE):
        return os.environ.get(name, "heartbeat").lower() == "heartbeat"

    def start(self):
        if self._owns():
            return
        threading.Thread(target=_run).start()


class ShadowedComparand:
    HEARTBEAT = "always-run"

    def _is(self, mode, expected=HEARTBEAT):
        return mode == expected

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if self._is(mode):
            return
        threading.Thread(target=_run).start()


class ClassConstant:
    MODE_VARIABLE = "THOR_SCHEDULER_MODE"

    def _owns(self, name=MODE_VARIABLE):
        return os.environ.get(name, "heartbeat").lower() == "heartbeat"

    def start(self):
        if self._owns():
            return
        threading.Thread(target=_run).start()


class DerivedAttribute:
    VARIABLE = "PATH"
    MODE_KEY = VARIABLE

    def start(self):
        if os.environ.get(self.MODE_KEY, "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=_run).start()


class BoundLater:
    def _owns(self, name=VARIABLE):
        return os.environ.get(name, "heartbeat").lower() == "heartbeat"

    VARIABLE = "PATH"

    def start(self):
        if self._owns():
            return
        threading.Thread(target=_run).start()
