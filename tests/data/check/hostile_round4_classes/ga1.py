# Review 4, R4-7: __getattribute__ on the entry point's class decides what feed.start is.
# expect: Feed.start TG009 defines __getattribute__
import os
import threading


def _run():
    pass


class Feed:
    def __getattribute__(self, name):
        open("SENT", "a").write("getattribute:" + name + " ")
        return object.__getattribute__(self, name)

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()
