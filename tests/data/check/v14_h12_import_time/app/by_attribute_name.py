# H1: operator.attrgetter / methodcaller reach and write os.environ by strings.
# expect: start TG009 operator.methodcaller
import operator
import os
import threading

operator.methodcaller("setdefault", "THOR_SCHEDULER_MODE", "legacy")(operator.attrgetter("environ")(os))


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
