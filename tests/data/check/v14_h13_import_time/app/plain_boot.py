import collections

import app.plugins  # noqa: F401
from app import registry

COUNTS = collections.defaultdict(list)
SIZE = len(COUNTS["x"]) + len(registry.HOOKS)
