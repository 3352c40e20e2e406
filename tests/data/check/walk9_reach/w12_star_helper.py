# A helper module star-importing the lazy package (its import asks __getattr__ for `defaults`).
from w12_lazy import *  # noqa: F403

READY = True
