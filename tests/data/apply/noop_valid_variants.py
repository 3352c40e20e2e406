import logging
import os
import threading

logger = logging.getLogger(__name__)


def with_getenv():
    if os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


class Svc:
    def local_import(self):
        import os
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            logger.info("skip %s", self.__class__.__name__.lower())
            return
        threading.Thread(target=print).start()

    def behind_docstring(self) -> bool:
        """Docstring."""
        # A comment.
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return False
        threading.Thread(target=print).start()
        return True
