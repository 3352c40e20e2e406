# Calling an async def without awaiting it makes a coroutine; dropped (at the latest when the function returns) it
# warns through the warnings machinery (RuntimeWarning "coroutine ... was never awaited"; Django routes warnings to
# the py.warnings logger): an effect before the guard (hostile review 6, R6-3). Awaited, it runs its body.
# expect: Feed.start_kept TG002 self._refresh()
# expect: Feed.start_dropped TG002 self._refresh()
# expect: Feed.start_awaited ok
import os
import threading


def _run():
    pass


class Feed:
    async def _refresh(self):
        return 1

    def start_kept(self):
        pending = self._refresh()  # forgot await
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_dropped(self):
        self._refresh()
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    async def start_awaited(self):
        count = await self._refresh()
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()
