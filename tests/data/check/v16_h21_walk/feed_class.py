# Hostile review 21, H8: through_class.py, imported below, changes Base in place without naming it.
# expect: ThroughClass.start TG001,TG009 Base
import threading

import through_class  # noqa: F401
from base import Base


class ThroughClass(Base):
    def start(self):
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()
