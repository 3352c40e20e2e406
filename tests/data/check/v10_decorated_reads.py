# Reading (not calling) a method whose decorator is the project's own object may run a descriptor's __get__
# (review 9, R9-16: `final = property` then `@final` is a property whose getter runs). A method marked with the
# real typing.final is the function itself.
# expect: Feed.start TG002 self.pending
# expect: Marked.start ok
import os
import threading
import typing

final = property  # a read-only computed attribute


class Feed:
    @final
    def pending(self):
        threading.Thread(target=print).start()
        return 0

    def start(self):
        if self.pending:
            return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


class Marked:
    @typing.final
    def pending(self):
        threading.Thread(target=print).start()
        return 0

    def start(self):
        callback = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=callback).start()
