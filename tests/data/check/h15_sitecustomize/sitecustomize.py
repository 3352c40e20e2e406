# Imported by site at start-up when this root is on PYTHONPATH (hostile review 15).
import os

os.environ["THOR_SCHEDULER_MODE"] = "legacy"
