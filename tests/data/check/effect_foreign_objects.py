# Objects imported from a module outside the project and the standard library (Django's `settings`, a LazySettings
# instance; here libcst's classes and click's functions, which every installation of thor-guard has) have their
# class's dunders: testing their truth, formatting or logging them may run that library's code (hostile VH-16:
# LazySettings.__str__/__bool__ import the settings module). Those operations are effects. Attributes of such an
# object (`settings.DEBUG`) are values of unknown type, like instance state (the dunder assumption); modules
# themselves and the standard library's objects are trusted.
# expect: start_truth_of_foreign_object TG002 MaybeSentinel
# expect: start_log_foreign_object TG002 logger.warning("settings %s", MaybeSentinel)
# expect: start_format_foreign_function TG002 click.echo
# expect: start_foreign_attribute ok
# expect: start_foreign_module ok
# expect: start_stdlib_object ok
import logging
import os
import sys
import threading

import click
import libcst
from libcst import MaybeSentinel

logger = logging.getLogger(__name__)


def start_truth_of_foreign_object():
    if not MaybeSentinel:
        return
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_log_foreign_object():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.warning("settings %s", MaybeSentinel)
        return
    threading.Thread(target=print).start()


def start_format_foreign_function():
    text = f"{click.echo}"
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(text,)).start()


def start_foreign_attribute():
    if MaybeSentinel.DEFAULT:
        pass
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_foreign_module():
    logger.info("libcst %s", libcst)
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_stdlib_object():
    logger.info("flags %s", sys.flags)
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
