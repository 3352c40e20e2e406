# A guard-helper method of a project base class in another module (review 8, FA8-4, IB1), and a base method whose
# `self.pending` is the subclass's effectful property (the FA8-4 fix caveat, OV1, across modules).
# expect: Feed.start ok
# expect: Pending.start TG002 self._idle()
import os
import threading

from common.base import ScheduledService


def _run():
    pass


class Feed(ScheduledService):
    def start(self):
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=_run).start()


class Pending(ScheduledService):
    @property
    def pending(self):
        threading.Thread(target=_run).start()
        return 0

    def start(self):
        if self._idle():
            pass
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=_run).start()
