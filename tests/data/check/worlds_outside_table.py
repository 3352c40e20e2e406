"""Tests on the mode whose outcome the 12-value table alone cannot decide (issue 11, worlds item 1).

The walk is concrete over finitely many values, so a test must be a function
of what the table (plus the strings the guard compares with, in their
spellings) decides: equality of the value, or its case fold / whitespace strip,
with known strings. Anything else on the value (its length, a slice, a prefix,
a comparison with an unknown value) is TG012, naming the test. Strings the
value is compared with, even computed ones, are walked too and so named as the
breaking value. A later test on the mode that stops the starter for some
legacy value (neither world runs) is TG012/TG006. Each unsound function sits
next to a correct one that must stay accepted.
"""
# expect: length TG012 len(mode) == 3
# expect: computed_slice TG012 'heartbea'
# expect: computed_concat ok
# expect: Opaque.member TG012 mode in ("heartbeat", self.other)
# expect: Opaque.member_known ok
# expect: second_prefix TG012 mode.startswith("leg")
# expect: second_equality_exits TG006 legacy
# expect: second_equality_unrelated TG012 neither the heartbeat nor this starter runs
# expect: second_equality_harmless ok
# expect: body_after_guard_forks ok
# expect: slice_in_helper TG012 _prefix(
# expect: loop_over_mode TG012
# expect: format_compare TG012
# expect: match_unknown TG012
# expect: match_canonical ok
# expect: keyword_to_positional_only TG007
# expect: keyword_to_positional_or_keyword ok
# expect: bool_and_str ok
import logging
import os
import threading

logger = logging.getLogger(__name__)


def _noop():
    pass


def length():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat" or len(mode) == 3:
        return
    threading.Thread(target=_noop).start()


def computed_slice():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in ("heartbeat", "heartbeat"[:-1]):
        return
    threading.Thread(target=_noop).start()


def computed_concat():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heart" + "beat":
        return
    threading.Thread(target=_noop).start()


class Opaque:
    def __init__(self):
        self.other = "legacy"  # an instance attribute: unknown to the verifier

    def member(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode in ("heartbeat", self.other):
            return
        threading.Thread(target=_noop).start()

    def member_known(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode in ("heartbeat",) and self.other is not None:
            return
        if mode in ("heartbeat",):
            return
        threading.Thread(target=_noop).start()


def second_prefix():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    if mode.startswith("leg"):
        return
    threading.Thread(target=_noop).start()


def second_equality_exits():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    if mode == "legacy":
        return
    threading.Thread(target=_noop).start()


def second_equality_unrelated():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    if mode != "legacy":
        return
    threading.Thread(target=_noop).start()


def second_equality_harmless():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        logger.debug("heartbeat owns periodic work")
        return
    if mode == "legacy":
        logger.info("legacy mode")
    threading.Thread(target=_noop).start()


def body_after_guard_forks(flag=None):
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    if not flag:
        return
    threading.Thread(target=_noop).start()


def _prefix(value):
    return value[:5] == "heart"


def slice_in_helper():
    if _prefix(os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()):
        return
    threading.Thread(target=_noop).start()


def loop_over_mode():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    seen = 0
    for _ in mode:
        seen = seen + 1
    if mode == "heartbeat" or seen == 3:
        return
    threading.Thread(target=_noop).start()


def format_compare():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if f"{mode}!" in ("heartbeat!", "x!"):
        return
    threading.Thread(target=_noop).start()


def match_unknown(other=None):
    match os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower():
        case "heartbeat":
            return
        case x if x == other:
            return
    threading.Thread(target=_noop).start()


def match_canonical():
    match os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower():
        case "heartbeat":
            return
        case _:
            pass
    threading.Thread(target=_noop).start()


def _is_hb(name="THOR_SCHEDULER_MODE_OLD", /, **kw):
    return os.environ.get(name, "heartbeat").lower() == "heartbeat"


def keyword_to_positional_only():
    if _is_hb(name="THOR_SCHEDULER_MODE"):  # goes into **kw: the helper reads the OLD variable
        return
    threading.Thread(target=_noop).start()


def _is_hb_named(name="THOR_SCHEDULER_MODE_OLD", **kw):
    return os.environ.get(name, "heartbeat").lower() == "heartbeat"


def keyword_to_positional_or_keyword():
    if _is_hb_named(name="THOR_SCHEDULER_MODE"):
        return
    threading.Thread(target=_noop).start()


def bool_and_str():
    if bool(str(os.environ.get("THOR_SCHEDULER_MODE", "heartbeat")).casefold() == "heartbeat"):
        return
    threading.Thread(target=_noop).start()
