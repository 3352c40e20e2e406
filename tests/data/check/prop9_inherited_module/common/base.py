import os


class ScheduledService:
    def heartbeat_owns_work(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat")
        return mode.lower() == "heartbeat"

    def _idle(self):
        return self.pending == 0

    pending = 0
