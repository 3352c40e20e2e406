# R4-8: the descriptor class lives in another project module (its stores are not searched): its __set_name__ is.
# expect: Feed.start TG009 whose __set_name__ runs when Feed is created
import os
import threading

from plugins.registry import Registered


class Feed:
    registry = Registered()

    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
