import os
import typing
import typing as t
from typing import overload


@typing.overload
def is_hb(default: None = None) -> bool: ...
@typing.overload
def is_hb(default: str) -> bool: ...
def is_hb(default=None):
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


@overload
def hb_from(default: None = None) -> bool: ...
@overload
def hb_from(default: str) -> bool: ...
def hb_from(default=None):
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


@t.overload
def hb_alias(default: None = None) -> bool: ...
@t.overload
def hb_alias(default: str) -> bool: ...
def hb_alias(default=None):
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


def _fake(function):
    return function


@_fake
def hb_fake(default: None = None) -> bool: ...
def hb_fake(default=None):
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


@typing.overload
def hb_stub_last(default: None = None) -> bool: ...
def hb_stub_last(default=None):
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
@typing.overload
def hb_stub_last(default: str) -> bool: ...
