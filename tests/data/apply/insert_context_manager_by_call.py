import contextlib
import logging
import threading

logger = logging.getLogger(__name__)


def _session():
    thread = threading.Thread(target=print)
    thread.start()
    yield thread
    thread.join()


session = contextlib.contextmanager(_session)
# case: targets=_session
