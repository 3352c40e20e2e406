# Chains of multi-statement guard helpers (FA8-1, review 8: HL1/HL11/HL16/HL20): every level of a chain is
# recovered from the source (the skeleton stubs each body); an effect at the second or third level is still seen.
# expect: start_across ok
# expect: start_same ok
# expect: start_three ok
# expect: start_deep_across ok
# expect: start_noisy_across TG001 noisy_owns_work()
# expect: start_noisy_same TG001 _owns_noisy()
# expect: start_deep_noisy TG001 deep_noisy_owns_work()
import os
import threading

from scheduler import deep_noisy_owns_work, deep_owns_work, heartbeat_owns_work, noisy_owns_work


def _raw():
    value = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat")
    return value


def _mode():
    value = 1
    return _raw().lower()


def _owns():
    current = 1
    return _mode() == "heartbeat"


def _owns_three():
    current = _owns()
    return current


def _raw_noisy():
    threading.Thread(target=print).start()
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat")


def _mode_noisy():
    value = 1
    return _raw_noisy().lower()


def _owns_noisy():
    current = 1
    return _mode_noisy() == "heartbeat"


def start_across():
    if heartbeat_owns_work():
        return
    threading.Thread(target=print).start()


def start_same():
    if _owns():
        return
    threading.Thread(target=print).start()


def start_three():
    if _owns_three():
        return
    threading.Thread(target=print).start()


def start_deep_across():
    if deep_owns_work():
        return
    threading.Thread(target=print).start()


def start_noisy_across():
    if noisy_owns_work():
        return
    threading.Thread(target=print).start()


def start_noisy_same():
    if _owns_noisy():
        return
    threading.Thread(target=print).start()


def start_deep_noisy():
    if deep_noisy_owns_work():
        return
    threading.Thread(target=print).start()
