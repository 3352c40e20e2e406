# Hostile review 21, H8: through_star.py, imported below, changes Base in place without naming it.
# expect: ThroughStar.start TG001,TG009 Base
import threading

import through_star  # noqa: F401
from base import Base


class ThroughStar(Base):
    def start(self):
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()
