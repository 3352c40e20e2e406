# The heartbeat's own world test, heartbeat.mode.is_heartbeat_world, is the predicate the value table is made of
# (review 9, FA9-14): a guard calling it on the mode read is decided for every value, including its mistakes.
# expect: start ok
# expect: start_keyword ok
# expect: start_unsafe_default TG003
# expect: start_inverted TG006
import os
import threading

from heartbeat.mode import is_heartbeat_world


def start():
    if is_heartbeat_world(os.environ.get("THOR_SCHEDULER_MODE")):
        return
    threading.Thread(target=print).start()


def start_keyword():
    if is_heartbeat_world(value=os.environ.get("THOR_SCHEDULER_MODE"), heartbeat_value="heartbeat"):
        return
    threading.Thread(target=print).start()


def start_unsafe_default():
    if is_heartbeat_world(os.environ.get("THOR_SCHEDULER_MODE", "legacy")):
        return
    threading.Thread(target=print).start()


def start_inverted():
    if not is_heartbeat_world(os.environ.get("THOR_SCHEDULER_MODE")):
        return
    threading.Thread(target=print).start()
