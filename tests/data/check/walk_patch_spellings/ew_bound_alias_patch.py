import os

_put = os.environ.setdefault
_put("THOR_SCHEDULER_MODE", "legacy")
