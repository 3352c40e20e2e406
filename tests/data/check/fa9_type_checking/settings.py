# A bootstrap module that changes the mode variable when it is imported (no entry points here).
import os

os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
FEED_LIMIT = 10
