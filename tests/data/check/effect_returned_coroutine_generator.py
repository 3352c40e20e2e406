# What the entry point returns, its caller uses: a returned project coroutine is awaited, a returned project
# generator is iterated — their bodies run then (hostile review 6, R6-24). Judged as if awaited / consumed.
# expect: FeedService.start_coroutine TG001 self._run_loop()
# expect: FeedService.start_generator TG001 self._ticks()
# expect: FeedService.start_guard_returns_coroutine TG002 self._run_loop()
# expect: FeedService.start_pure_coroutine ok
import os
import threading


class FeedService:
    def run(self):
        pass

    async def _run_loop(self):
        threading.Thread(target=self.run, daemon=True).start()

    async def _ready(self):
        return True

    def _ticks(self):
        threading.Thread(target=self.run, daemon=True).start()
        yield 1

    def start_coroutine(self):
        return self._run_loop()

    def start_generator(self):
        return self._ticks()

    def start_guard_returns_coroutine(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return self._run_loop()
        threading.Thread(target=self.run).start()

    def start_pure_coroutine(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return self._ready()
        threading.Thread(target=self.run).start()
