import contextlib

VARIABLE = "THOR_SCHEDULER"
VARIABLE += "_MODE"
STABLE = "THOR_SCHEDULER_MODE"
DEFAULT = "heartbeat"
with contextlib.suppress(Exception):
    DEFAULT = "legacy"
FALLBACK = "heartbeat"
for _ in range(1):
    FALLBACK = "legacy"
