import os
import threading


class Feed:
    def start(self):
        if self.disabled:
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() != "legacy":
            return
        threading.Thread(target=self.run, daemon=True).start()

    def run(self):
        pass
