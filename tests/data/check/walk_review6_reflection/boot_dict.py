import os

os.__dict__["environ"].setdefault("THOR_SCHEDULER_MODE", "legacy")
