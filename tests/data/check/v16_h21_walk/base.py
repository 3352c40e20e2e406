import os


class Base:
    def heartbeat_owns_work(self):
        return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


class CleanBase:
    def heartbeat_owns_work(self):
        return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
