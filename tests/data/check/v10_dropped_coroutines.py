# A coroutine that is created and then dropped without being awaited makes Python warn through the warnings
# machinery (review 8, R8-6); review 9, R9-11: also when it is compared (`is None`, `== False`), put in a display or
# formatted before it is dropped. Awaiting it in an async entry point is fine.
# expect: Feed.start_is TG002 self.is_ready()
# expect: Feed.start_eq TG002 self.is_ready()
# expect: Feed.start_display TG002 self.is_ready()
# expect: Feed.start_formatted TG002 self.is_ready()
# expect: Feed.start_awaited ok
import logging
import os
import threading

logger = logging.getLogger(__name__)


class Feed:
    async def is_ready(self):
        return True

    def start_is(self):
        if self.is_ready() is None:
            return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_eq(self):
        if self.is_ready() == False:  # noqa: E712
            return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_display(self):
        if not [self.is_ready()]:
            return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_formatted(self):
        label = f"{self.is_ready()}"
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print, args=(label,)).start()

    async def start_awaited(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        if await self.is_ready():
            threading.Thread(target=print).start()
