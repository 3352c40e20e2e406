# Hostile review 16: a log call with one argument after the message makes logging test
# isinstance(arg, collections.abc.Mapping), which runs the __subclasshook__ of Mapping's subclasses.
# expect: start TG002 collections.abc.Mapping
# expect: start_ok ok
# expect: start_tuple TG002 tests against a class not proven built in
# expect: start_tuple_ok ok
import collections.abc
import logging
import os
import threading

logger = logging.getLogger(__name__)


class Settings(collections.abc.Mapping):
    def __getitem__(self, key):
        raise KeyError(key)

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, other):
        threading.Thread(target=print).start()
        return NotImplemented


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.warning("legacy feed skipped (interval %s)", 1.5)
        return
    threading.Thread(target=print).start()


def start_ok():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.warning("legacy feed skipped (intervals %s and %s)", 1, 2)  # two arguments: no Mapping test
        return
    threading.Thread(target=print).start()


def start_tuple():
    matched = isinstance(2j, (int, Settings))  # a type no earlier test saw: int fails, then ABCMeta.__instancecheck__ runs the hooks
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(matched,)).start()


def start_tuple_ok():
    matched = isinstance(2.5, (int, str))
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(matched,)).start()
