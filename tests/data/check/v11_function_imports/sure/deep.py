import threading

SETTINGS = dict(limit=1)  # a call: not inert, so only "surely imported" spares a function-level import
started = threading.Event()
