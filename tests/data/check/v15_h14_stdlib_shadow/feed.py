# Hostile review 14: the standard library imports a project module that shadows one of its own.
# expect: start_import TG002 (may run project code: the project module platform.py has the name of the standard-library module platform
# expect: start_idna TG002 imports stringprep on first use, and the project module stringprep.py
# expect: start_ok ok
import os
import threading


def start_import():
    import uuid  # uuid imports platform: the project's

    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(uuid,)).start()


def start_idna():
    host = "feeds.example.com".encode("idna")  # the idna codec imports stringprep: the project's
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(host,)).start()


def start_ok():
    import os.path  # built in or frozen: never looked up on sys.path

    name = "feeds.example.com".encode("utf-8")
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(name,)).start()
