# Hostile review 12, H1: the standard library runs code given as a string (timeit, code, pickle...).
# expect: start TG009 code the walk cannot read
import os
import threading
import timeit

timeit.timeit("import os; os.environ[\"THOR_SCHEDULER_MODE\"] = \"legacy\"", number=1)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
