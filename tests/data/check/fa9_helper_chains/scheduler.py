# A helper module: multi-statement helpers calling multi-statement helpers (no entry points here).
import os
import threading


def current_mode():
    raw = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat")
    return raw.lower()


def heartbeat_owns_work():
    mode = current_mode()
    return mode == "heartbeat"


def _noisy_mode():
    threading.Thread(target=print).start()
    raw = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat")
    return raw.lower()


def noisy_owns_work():
    mode = _noisy_mode()
    return mode == "heartbeat"


def _deepest():
    value = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat")
    return value.lower()


def _middle():
    value = _deepest()
    return value.strip() if False else value


def deep_owns_work():
    mode = _middle()
    return mode == "heartbeat"


def _deepest_noisy():
    threading.Thread(target=print).start()
    return "heartbeat"


def _middle_noisy():
    value = _deepest_noisy()
    return value


def deep_noisy_owns_work():
    mode = _middle_noisy()
    return mode == "heartbeat"
