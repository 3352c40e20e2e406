# A second test on the mode after the guard that ends the starter for some values the heartbeat refuses (review 9,
# R9-9/R9-10): with THOR_SCHEDULER_MODE='' or 'bogus' neither world runs. Reports before the exit are effects, so
# "some path reaches an effect" did not see it; a failing assert is an exit without -O.
# expect: assert_legacy TG012 'assert mode == "legacy", f"unexpected THOR_SCHEDULER_MODE {mode!r}"' ends the starter
# expect: report_and_return TG012 'mode != "legacy"' ends the starter
# expect: warn_and_return TG012 'mode != "legacy"' ends the starter
# expect: raise_project_error TG012 with THOR_SCHEDULER_MODE='' neither the heartbeat nor this starter runs
# expect: exit_process TG012 'mode not in ("legacy",)' ends the starter
# expect: else_branch_returns TG012 'mode == "legacy"' ends the starter
# expect: warn_then_run ok
# expect: debug_variant ok
# expect: assert_constant ok
# expect: mode_logged_then_run ok
# expect: match_rejects_others TG012 '_' ends the starter
# expect: match_runs_all ok
import logging
import os
import sys
import threading
import warnings

logger = logging.getLogger(__name__)
THRESHOLD = 3


class CommandError(Exception):
    pass


def _body():
    threading.Thread(target=print).start()


def assert_legacy():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    assert mode == "legacy", f"unexpected THOR_SCHEDULER_MODE {mode!r}"
    _body()


def report_and_return():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    if mode != "legacy":
        print(f"unknown THOR_SCHEDULER_MODE {mode!r}; not starting", file=sys.stderr)
        return
    _body()


def warn_and_return():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    if mode != "legacy":
        warnings.warn(f"unknown THOR_SCHEDULER_MODE {mode!r}", RuntimeWarning, stacklevel=2)
        return
    _body()


def raise_project_error():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    if mode != "legacy":
        raise CommandError(f"unknown THOR_SCHEDULER_MODE {mode!r}")
    _body()


def exit_process():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    if mode not in ("legacy",):
        print("bad mode", file=sys.stderr)
        sys.exit(2)
    _body()


def else_branch_returns():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    if mode == "legacy":
        _body()
    else:
        print(f"unknown THOR_SCHEDULER_MODE {mode!r}", file=sys.stderr)
        return


def warn_then_run():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    if mode != "legacy":
        warnings.warn(f"unusual THOR_SCHEDULER_MODE {mode!r}; running the legacy scheduler", RuntimeWarning, stacklevel=2)
    _body()


def debug_variant():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    if mode == "legacy-debug":
        logging.basicConfig(level=logging.DEBUG)
    _body()


def assert_constant():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    assert THRESHOLD > 0
    _body()


def mode_logged_then_run():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    logger.info("legacy scheduler starting (mode %r)", mode)
    _body()


def match_rejects_others():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    match mode:
        case "heartbeat":
            return
        case "legacy":
            _body()
        case _:
            print(f"unknown THOR_SCHEDULER_MODE {mode!r}", file=sys.stderr)
            return


def match_runs_all():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    match mode:
        case "heartbeat":
            return
        case "legacy":
            logger.info("legacy")
        case _:
            logger.warning("unusual mode %r; running the legacy scheduler", mode)
    _body()
