import os

MODE = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
ENV_NAME = "THOR_SCHEDULER_MODE"
