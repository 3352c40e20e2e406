# Async and generator entry points: what a call (awaited / iterated) really runs.
# expect: Feed.start_async ok
# expect: Feed.start_generator ok
# expect: Feed.start_generator_yields_first TG002 yield 1
# expect: start_context_manager ok
# expect: Feed.start_yield_from TG002 yield from
# expect: Feed.start_awaits_first TG002 self._connect()
import contextlib
import os
import threading


class Feed:
    async def start_async(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        await self._connect()

    def start_generator(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        yield threading.Thread(target=print)

    def start_generator_yields_first(self):
        yield 1
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    async def start_awaits_first(self):
        await self._connect()
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_yield_from(self):
        yield from self._feeds()
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


@contextlib.contextmanager
def start_context_manager():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        yield
        return
    threading.Thread(target=print).start()
    yield
