# The one-world rule judged by what each legacy-world value does after the guard, not by the last statement of a
# branch (hostile review 10, R10-6/R10-9): every legacy-world value is walked past its effects and each of its paths
# must be a path of 'legacy'. A report and then the end of the function, a `break` out of the loop holding the work,
# a helper that reports and raises, a wait loop on the variable, a per-mode lookup that raises for values it does not
# list (KeyError, ValueError, AttributeError): '' and 'bogus' run neither world. Logic after the guard that does not
# depend on the value, or that does and then runs the same work, is the body.
# expect: else_reports TG012 'mode == "legacy"' ends the starter
# expect: break_out TG012 'mode != "legacy"' ends the starter
# expect: wait_for_legacy TG012 never lets the loop end
# expect: validated_by_helper TG012 '_validate(mode)' raises for it
# expect: interval_lookup TG012 'INTERVALS[mode]' looks up a key derived from THOR_SCHEDULER_MODE
# expect: index_lookup TG012 '("legacy", "legacy-debug").index(mode)' looks up a key
# expect: Dispatcher.start TG012 'getattr(self, f"_start_{mode}")' looks up a key
# expect: else_logs_error TG012 'mode == "legacy"' ends the starter
# expect: else_other_interval ok
# expect: loop_with_mode_note ok
# expect: lookup_with_default ok
# expect: helper_notes_mode ok
# expect: enabled_check_after_split ok
import logging
import os
import sys
import threading
import time

logger = logging.getLogger(__name__)
INTERVALS = {"legacy": 5}
FEEDS = ("eu", "us")


def _body(interval=5):
    threading.Timer(interval, print).start()


def else_reports():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    if mode == "legacy":
        _body()
    else:
        print(f"unknown THOR_SCHEDULER_MODE {mode!r}: not starting the feed", file=sys.stderr)


def break_out():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    for _ in range(1):
        if mode != "legacy":
            print(f"unknown mode {mode!r}", file=sys.stderr)
            break
        _body()


def wait_for_legacy():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    while os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() != "legacy":
        time.sleep(0.2)
    _body()


def _validate(mode):
    if mode != "legacy":
        print(f"unknown THOR_SCHEDULER_MODE {mode!r}", file=sys.stderr)
        raise ValueError(mode)


def validated_by_helper():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    _validate(mode)
    _body()


def interval_lookup():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    _body(INTERVALS[mode])


def index_lookup():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    _body(5 + ("legacy", "legacy-debug").index(mode))


class Dispatcher:
    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        getattr(self, f"_start_{mode}")()

    def _start_legacy(self):
        _body()


def else_logs_error():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    if mode == "legacy":
        _body()
    else:
        logger.error("unknown THOR_SCHEDULER_MODE %r", mode)


def else_other_interval():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    if mode == "legacy":
        interval = 5
    else:
        print(f"unusual THOR_SCHEDULER_MODE {mode!r}; running the legacy scheduler slowly", file=sys.stderr)
        interval = 30
    _body(interval)


def loop_with_mode_note():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    for feed in FEEDS:
        if mode != "legacy":
            print(f"feed {feed}: unusual mode {mode!r}", file=sys.stderr)
        _body()


def lookup_with_default():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    _body(INTERVALS.get(mode, 5))


def _note(mode):
    if mode != "legacy":
        print(f"unusual THOR_SCHEDULER_MODE {mode!r}", file=sys.stderr)


def helper_notes_mode():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    _note(mode)
    _body()


def enabled_check_after_split():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    interval = 5 if mode == "legacy" else 10
    if os.environ.get("FEED_DISABLED"):
        return
    _body(interval)
