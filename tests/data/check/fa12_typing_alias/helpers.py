import os
import typing as t

if t.TYPE_CHECKING:
    from feeds_stubs import FeedProtocol  # only for the type checker: never imported at run time


@t.overload
def hb(default: None = None) -> bool: ...
@t.overload
def hb(default: str) -> bool: ...
def hb(default=None):
    return t.cast(str, os.environ.get("THOR_SCHEDULER_MODE", "heartbeat")).lower() == "heartbeat"
