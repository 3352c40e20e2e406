import os.path
import subprocess  # noqa: F401

os.path.os.environ["THOR_SCHEDULER_MODE"] = "legacy"
