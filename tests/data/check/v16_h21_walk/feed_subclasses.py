# Hostile review 21, H8: through_subclasses.py, imported below, changes Base in place without naming it.
# expect: ThroughSubclasses.start TG001,TG009 Base
import threading

import through_subclasses  # noqa: F401
from base import Base


class ThroughSubclasses(Base):
    def start(self):
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()
