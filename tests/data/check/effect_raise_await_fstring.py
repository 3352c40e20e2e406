# raise X(call), await in an assignment, f-strings with calls (also implicitly concatenated).
# expect: Feed.stop_raise TG002 self._stop()
# expect: Feed.start_await TG002 self._connect()
# expect: Feed.start_fstring TG002 self._load()
# expect: Feed.start_concat TG002 self._load()
import os
import threading


class Feed:
    def stop_raise(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            raise RuntimeError(self._stop())
        threading.Thread(target=print).start()

    async def start_await(self):
        connection = await self._connect()
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, args=(connection,)).start()

    def start_fstring(self):
        label = f"feed {self._load()}"
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, args=(label,)).start()

    def start_concat(self):
        "plain " f"{self._load()}"
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
