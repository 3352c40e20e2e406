import os
import sys

if sys.version_info >= (3, 8):
    def _apply_defaults():
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
else:
    def _apply_defaults():
        pass

_apply_defaults()
