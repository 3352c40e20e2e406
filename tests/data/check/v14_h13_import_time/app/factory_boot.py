import collections

import app.plugins  # noqa: F401
from app import registry

collections.defaultdict(registry.HOOKS[0])["x"]
