import os

os.environ._data[os.environ.encodekey("THOR_SCHEDULER_MODE")] = os.environ.encodevalue("legacy")
