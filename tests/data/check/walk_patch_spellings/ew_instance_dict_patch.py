import os

os.environ.__dict__["_data"] = {b"THOR_SCHEDULER_MODE": b"legacy"}
