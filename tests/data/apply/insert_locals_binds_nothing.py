import logging
import os
import threading

logger = logging.getLogger(__name__)


def work(**kwargs):
    print(sorted(kwargs))


def start(a, b=1):
    threading.Thread(target=work, kwargs=dict(locals())).start()
# case: targets=start
