# GEN-5: a rebound `os` in the non-mode part of the guard's condition; GEN-3: setattr with a literal name.
# expect: Service.start TG009 'os' is bound at line 4 ('import os') and rebound at line 24 ('os = _Compat()')
import logging
import os
import sys
import threading

from g2 import util

logger = logging.getLogger(__name__)


class Service:
    def start(self):
        if util.hbp0("THOR_SCHEDULER_MODE") or os.environ.get("RUN_MAIN") != "true":
            return
        threading.Thread(target=print).start()


class _Compat:
    environ = {"THOR_SCHEDULER_MODE": "legacy"}


os = _Compat()
