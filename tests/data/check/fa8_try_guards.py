# A correct guard inside `try: ... except ...: pass` is accepted when nothing before its exit can raise: a log call
# on a module logger (its binding ran at import time, reading it now cannot raise) and str()/bool() of an
# environment read with a str default (generated oracle, seed 23). What can raise into the handler stays rejected.
# expect: log_in_try ok
# expect: str_helper_in_try_star ok
# expect: str_helper_in_try ok
# expect: Service.log_in_try ok
# expect: bool_in_try ok
# expect: enum_member_in_try_star ok
# expect: class_constant_in_try ok
# expect: subscript_caught TG009
# expect: int_caught TG009
# expect: str_of_unknown_caught TG009
# expect: int_of_class_constant_caught TG001
# expect: Worker.attribute_caught TG009
import enum
import logging
import os
import threading

logger = logging.getLogger(__name__)
SOURCE = os.environ


def _connect():
    threading.Thread(target=print).start()


class TextMode(str, enum.Enum):
    HEARTBEAT = "heartbeat"


class Names:
    MODE = "THOR_SCHEDULER_MODE"


def _is_heartbeat():
    return str(os.getenv("THOR_SCHEDULER_MODE", "heartbeat")).lower() == "heartbeat"


def log_in_try():
    try:
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            logger.info("Skipping legacy start (heartbeat scheduler mode active)")
            return
    except Exception:
        pass
    _connect()


def str_helper_in_try_star():
    try:
        if _is_heartbeat():
            return
    except* ValueError:
        pass
    _connect()


def str_helper_in_try():
    try:
        if _is_heartbeat():
            logger.info("Skipping legacy start (heartbeat scheduler mode active)")
            return
    except Exception:
        pass
    _connect()


class Service:
    def log_in_try(self):
        mode = os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower()
        try:
            if mode == "heartbeat":
                logger.info("Skipping legacy %s", "start")
                return
        except Exception:
            pass
        _connect()


def bool_in_try():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    try:
        if bool(mode == "heartbeat"):
            return False
    except Exception:
        pass
    _connect()


def enum_member_in_try_star():
    try:
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() in (TextMode.HEARTBEAT,):
            return
    except* ValueError:
        pass
    _connect()


def class_constant_in_try():
    try:
        if os.getenv(Names.MODE, "heartbeat").lower() == "heartbeat":
            return
    except Exception:
        pass
    _connect()


def subscript_caught():
    # unset: os.environ[...] raises KeyError, the handler swallows it and the thread starts in heartbeat mode
    try:
        if os.environ["THOR_SCHEDULER_MODE"].lower() == "heartbeat":
            return
    except KeyError:
        pass
    _connect()


def int_caught():
    # FEED_LIMIT=abc: int() raises before the guard, the handler swallows it and the thread starts
    try:
        limit = int(os.environ.get("FEED_LIMIT", "10"))
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
    except ValueError:
        pass
    _connect()


def str_of_unknown_caught():
    try:
        label = str(SOURCE.get("FEED_LABEL"))
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
    except Exception:
        pass
    _connect()


class Limits:
    RAW = "ten"


def int_of_class_constant_caught():
    # int("ten") raises ValueError before the guard; the handler swallows it and the thread starts in heartbeat mode
    try:
        limit = int(Limits.RAW)
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
    except ValueError:
        pass
    _connect()


class Worker:
    config = None

    def attribute_caught(self):
        # None has no .name: AttributeError before the guard, the handler swallows it and the thread starts
        try:
            label = self.config.name
            if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
                return
        except Exception:
            pass
        _connect()
