import operator

import app.plugins  # noqa: F401
from app import registry

list(map(operator.call, registry.HOOKS))
