# HOSTILE-39 (class name bound twice), HOSTILE-41 (raise of a project exception class), HOSTILE-42 (store on the logger),
# HOSTILE-47 (a spelling outside the table).
# expect: S.start TG009 'S' is bound at line
# expect: start_raise TG002 'Skip' runs inside the guard
# expect: start_spellings TG004
import logging
import os

logger = logging.getLogger(__name__)


class Skip(Exception):
    def __init__(self, *args):
        print("Skip.__init__")
        super().__init__(*args)


class S:
    def start(self):
        if S._hb():
            return
        print("body")

    @staticmethod
    def _hb():
        return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


_Real = S


class S:  # noqa: F811 - the hostile rebinding under test
    @staticmethod
    def _hb():
        return True


def start_raise():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        raise Skip
    print("body")


def start_spellings():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat") in ("heartbeat", "Heartbeat", "HEARTBEAT", "hEaRtBeAt", "heartbeaT", "hEARTBEAT"):
        return
    print("body")
