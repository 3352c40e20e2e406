# Review 9, FA9-10: `import typing as t` - `t.TYPE_CHECKING`, `t.cast(...)`, `@t.overload`, `@t.final` - is typing
# itself (these were already accepted on main; kept as a data case). A project `t` is not.
# expect: start ok
# expect: start_cast ok
# expect: Svc.start ok
# expect: Final.start ok
import os
import threading
import typing as t

from helpers import hb

if t.TYPE_CHECKING:
    from feeds_stubs import FeedProtocol


def start():
    if hb():
        return
    threading.Thread(target=print).start()


def start_cast():
    mode = t.cast(str, os.environ.get("THOR_SCHEDULER_MODE", "heartbeat"))
    if mode.lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


class Svc:
    @t.overload
    def start(self) -> None: ...
    @t.overload
    def start(self, delay: float) -> None: ...
    def start(self, delay=None):
        if hb():
            return
        threading.Thread(target=print).start()


@t.final
class Final:
    @t.final
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
