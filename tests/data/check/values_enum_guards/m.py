# Enum-based guards (hostile review 5, R5-11/FA1): the .value of a member of a proven plain enum (enum.Enum,
# str/int mixins, StrEnum, IntEnum; no _missing_/__new__/auto()/metaclass, no stores on it) is its literal; a
# plain Enum member itself never equals a str, and an enum the verifier cannot prove stays unknown.
# expect: value_compared ok
# expect: value_default ok
# expect: text_value ok
# expect: unique_value ok
# expect: name_compared ok
# expect: text_member ok
# expect: text_member_in ok
# expect: text_member_set ok
# expect: member_compared TG012
# expect: eq_member TG002,TG009 EqMode.HEARTBEAT
# expect: unproven_missing_hook TG012
# expect: auto_value TG012
# expect: patched_value TG009 _value_
# expect: legacy_value TG006
import os
import threading

import patched
from modes import AutoMode, EqMode, MissingMode, Mode, TextMode, UniqueMode


def value_compared():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == Mode.HEARTBEAT.value:
        return
    threading.Thread(target=print).start()


def value_default():
    mode = os.environ.get("THOR_SCHEDULER_MODE", Mode.HEARTBEAT.value).lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()


def text_value():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == TextMode.HEARTBEAT.value:
        return
    threading.Thread(target=print).start()


def unique_value():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == UniqueMode.HEARTBEAT.value:
        return
    threading.Thread(target=print).start()


def name_compared():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == Mode.HEARTBEAT.name.lower():
        return
    threading.Thread(target=print).start()


def member_compared():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == Mode.HEARTBEAT:
        return
    threading.Thread(target=print).start()


def unproven_missing_hook():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == MissingMode.HEARTBEAT.value:
        return
    threading.Thread(target=print).start()


def auto_value():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == AutoMode.HEARTBEAT.value:
        return
    threading.Thread(target=print).start()


def patched_value():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == patched.Mode.HEARTBEAT.value:
        return
    threading.Thread(target=print).start()


def legacy_value():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == Mode.LEGACY.value:
        return
    threading.Thread(target=print).start()


def text_member():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == TextMode.HEARTBEAT:
        return
    threading.Thread(target=print).start()


def text_member_in():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in (TextMode.HEARTBEAT,):
        return
    threading.Thread(target=print).start()


def text_member_set():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in {TextMode.HEARTBEAT}:
        return
    threading.Thread(target=print).start()


def eq_member():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == EqMode.HEARTBEAT:
        return
    threading.Thread(target=print).start()
