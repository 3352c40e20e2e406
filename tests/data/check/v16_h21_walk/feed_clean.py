# The same shape with a base no module of the walk changes: accepted.
# expect: Clean.start ok
import threading

from base import CleanBase


class Clean(CleanBase):
    def start(self):
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()
