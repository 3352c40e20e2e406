# R4-9 / CA8: the class attribute holding the variable name, stored by another class's method.
# expect: Feed.start TG009 service.VARIABLE
import os
import threading


def _run():
    pass


class Feed:
    VARIABLE = "THOR_SCHEDULER_MODE"

    def start(self):
        if os.environ.get(self.VARIABLE, "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=_run).start()


class Migration:
    """Points the services at the v1 variable while both schedulers exist."""

    def __init__(self, *services):
        self.services = services

    def apply(self):
        for service in self.services:
            service.VARIABLE = "THOR_MODE_V1"


Migration(Feed).apply()
