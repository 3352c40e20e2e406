# A coroutine only truth-tested before the guard is created, tested (always true) and dropped, which warns through
# `warnings` (R8-6, review 8: PR1/PR4/PR5); `logger.warn` calls warnings.warn (DeprecationWarning) before logging.
# Awaiting the coroutine, or testing it after the guard, is fine; `logger.warning` is a log call.
# expect: Feed.start_if TG002 'self.pending()'
# expect: Feed.start_property TG002 'self.ready'
# expect: Feed.start_not TG002
# expect: Feed.start_assert TG002
# expect: Feed.start_awaited ok
# expect: Feed.start_after ok
# expect: start_warn TG002 'logger.warn(
# expect: start_warning ok
import logging
import os
import threading

logger = logging.getLogger(__name__)


class Feed:
    async def pending(self):
        return 0

    @property
    async def ready(self):
        return True

    def start_if(self):
        if self.pending():
            pass
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_property(self):
        if self.ready:
            pass
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_not(self):
        idle = not self.pending()
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, args=(idle,)).start()

    def start_assert(self):
        assert self.pending()
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    async def start_awaited(self):
        if await self.pending():
            pass
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_after(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        if self.pending():
            pass
        threading.Thread(target=print).start()


def start_warn():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.warn("the heartbeat owns periodic work")
        return
    threading.Thread(target=print).start()


def start_warning():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.warning("the heartbeat owns periodic work")
        return
    threading.Thread(target=print).start()
