import os

from deco_pkg.deco import run_now


class Defaults:
    @run_now
    def apply():
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
