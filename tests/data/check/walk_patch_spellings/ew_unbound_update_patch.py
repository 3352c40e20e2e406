import os
from collections.abc import MutableMapping

MutableMapping.update(os.environ, THOR_SCHEDULER_MODE="legacy")
