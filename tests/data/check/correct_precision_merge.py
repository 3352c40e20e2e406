# Precision kept after the verifier merge (found on the apply corpus: Django, click, Jinja2).
# expect: Command.handle ok
# expect: Param.get_metavar ok
# expect: Typed.get_metavar ok
# expect: start_with_getattr ok
import logging
import os
import threading
import typing as t

logger = logging.getLogger(__name__)
T = t.TypeVar("T")


class BaseHandler:  # a project class named like logging's: not a logging handler
    pass


class FileUploadHandler(BaseHandler):
    pass


class Command(FileUploadHandler):
    def handle(self):
        scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if scheduler_mode == "heartbeat":
            logger.debug("Skipping legacy Command.handle (heartbeat scheduler mode active)")
            return
        threading.Thread(target=print).start()


class Param(t.Generic[T]):  # a subscripted generic base: the class is typing.Generic
    def get_metavar(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return None
        threading.Thread(target=print).start()


class Typed(Param[int]):  # a subscripted project class: the class is Param
    def get_metavar(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return None
        threading.Thread(target=print).start()


def start_with_getattr():
    # the module __getattr__ below answers only for names missing here; os, logger and __name__ are bound
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.debug("skipping %s", __name__)
        return
    threading.Thread(target=print).start()


def __getattr__(name):
    raise AttributeError(name)
