# A test of another variable is a kill switch, not a mode guard: TG001 (apply inserts the guard above it), not TG007.
# TG007 stays for a misspelling of the mode variable (and for flags listed in stale-flags, docs/rules.md).
# expect: kill_switch_only TG001 in heartbeat mode it runs 'threading.Thread(target=print)' first
# expect: reloader_check_only TG001
# expect: kill_switch_in_function_import TG001
# expect: kill_switch_then_guard ok
# expect: misspelled TG007 THOR_SCHEDULR_MODE
# expect: effect_then_kill_switch TG001 in heartbeat mode it runs '_connect()' first
# expect: old_variable_name TG007 THOR_SCHEDULER_MODE_OLD
# expect: heartbeat_default TG007 SCHED
# expect: heartbeat_named_flag TG007 HEARTBEAT_ENABLED
import os
import threading


def _connect():
    threading.Thread(target=print).start()


def kill_switch_only():
    if os.environ.get("FEED_DISABLED"):
        return
    threading.Thread(target=print).start()


def reloader_check_only():
    if os.environ.get("RUN_MAIN") != "true":
        return
    _connect()


def kill_switch_in_function_import():
    import os

    if os.environ.get("FEED_DISABLED"):
        return
    _connect()


def kill_switch_then_guard():
    if os.environ.get("FEED_DISABLED"):
        return
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    _connect()


def misspelled():
    if os.getenv("THOR_SCHEDULR_MODE", "heartbeat").lower() == "heartbeat":
        return
    _connect()


def effect_then_kill_switch():
    _connect()
    if os.environ.get("FEED_DISABLED"):
        return
    _connect()


def old_variable_name():
    if os.environ.get("THOR_SCHEDULER_MODE_OLD", "").lower() == "heartbeat":
        return
    _connect()


def heartbeat_default():
    if os.getenv("SCHED", "heartbeat").lower() == "heartbeat":
        return
    _connect()


def heartbeat_named_flag():
    if os.getenv("HEARTBEAT_ENABLED", "").lower() in {"1", "true", "yes"}:
        return
    _connect()
