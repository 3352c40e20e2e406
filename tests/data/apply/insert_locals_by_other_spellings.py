import builtins
import logging
import os
import threading

logger = logging.getLogger(__name__)


def work(**kwargs):
    return kwargs


def start_builtins(a, b=1):
    threading.Thread(target=work, kwargs=dict(builtins.locals())).start()


def start_getattr(a, b=1):
    threading.Thread(target=work, kwargs=dict(getattr(builtins, "locals")())).start()


def start_alias(a, b=1):
    snapshot = locals
    threading.Thread(target=work, kwargs=dict(snapshot())).start()


def start_vars_of_object(a, b=1):
    threading.Thread(target=work, kwargs=dict(vars(a))).start()
# case: targets=start_*
