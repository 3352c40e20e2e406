# Hostile review 15: standard-library code that imports lazily, with project modules shadowing what it imports.
# expect: start_futures TG002 reaches queue, and the project module queue.py has that name
# expect: start_namereplace TG002 imports unicodedata on first use
# expect: start_str_idna TG002 str(b"xn--bcher-kva", "idna")
# expect: start_ok ok
import concurrent.futures
import os
import threading


def start_futures():
    pool = concurrent.futures.ThreadPoolExecutor  # the module __getattr__ imports .thread, which imports queue
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(pool,)).start()


def start_namereplace():
    label = "café".encode("ascii", "namereplace")  # the handler imports unicodedata
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(label,)).start()


def start_str_idna():
    host = str(b"xn--bcher-kva", "idna")  # the idna codec imports stringprep
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(host,)).start()


def start_ok():
    from datetime import timedelta  # datetime imports none of the shadowed names

    header = b"\xef\xbb\xbfid".decode("utf-8-sig")
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(header, timedelta)).start()
