import os
from collections.abc import MutableMapping

MutableMapping.setdefault(os.environ, "THOR_SCHEDULER_MODE", "legacy")
