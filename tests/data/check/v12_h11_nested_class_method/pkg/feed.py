# Hostile review 11 (second round): 'Settings.Defaults.apply()' at module level calls a method of a nested class of the same module, which sets the mode variable at import time.
# expect: Feed.start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading


class Settings:
    class Defaults:
        @staticmethod
        def apply():
            os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


Settings.Defaults.apply()


class Feed:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
