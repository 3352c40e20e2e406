# Review 9, FA9-3: a helper returns a member of a proven plain enum.Enum and the guard compares it with `is`/`==`:
# members compare by identity (an alias is the same member), never equal a str; an enum overriding __eq__ is not
# proven (its project __eq__ runs inside the guard test: TG002 beside the TG009), and a guard returning on the wrong member is caught like any wrong guard.
# expect: start_is ok
# expect: start_eq ok
# expect: start_alias ok
# expect: start_is_not ok
# expect: start_value ok
# expect: start_wrong TG006
# expect: start_str TG006 does not return
# expect: start_eq_dunder TG002,TG009 mixes
import threading

from modes import EqMode, SchedulerMode, eq_mode, scheduler_mode


def start_is():
    if scheduler_mode() is SchedulerMode.HEARTBEAT:
        return
    threading.Thread(target=print).start()


def start_eq():
    if scheduler_mode() == SchedulerMode.HEARTBEAT:
        return
    threading.Thread(target=print).start()


def start_alias():
    if scheduler_mode() is SchedulerMode.BEAT:
        return
    threading.Thread(target=print).start()


def start_is_not():
    if scheduler_mode() is not SchedulerMode.LEGACY:
        return
    threading.Thread(target=print).start()


def start_value():
    if scheduler_mode().value == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_wrong():
    if scheduler_mode() is SchedulerMode.LEGACY:
        return
    threading.Thread(target=print).start()


def start_str():
    if scheduler_mode() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_eq_dunder():
    if eq_mode() == EqMode.HEARTBEAT:
        return
    threading.Thread(target=print).start()
