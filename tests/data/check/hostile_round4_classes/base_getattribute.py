# R4-7: a project base class in another module defines __getattribute__.
# expect: Feed.start TG009 defines __getattribute__
import os
import threading

from plugins.registry import Redirecting


class Feed(Redirecting):
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
