import logging
import os
import threading

logger = logging.getLogger(__name__)


def start():
    # Django's autoreloader runs the process twice; only the child (RUN_MAIN=true) starts the worker.
    if os.environ.get("RUN_MAIN") != "true":
        return
    threading.Thread(target=print).start()
# case: targets=start
