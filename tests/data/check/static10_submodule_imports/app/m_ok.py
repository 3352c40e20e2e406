# `from PKG import NAME` where PKG's __init__ binds no NAME can only load the submodule PKG.NAME (review 9, R9-6):
# one found nowhere is a per-deployment module whose import-time code is not read (as `from .local_settings import *`).
# A name the package binds, or a submodule that exists, is read as usual.
# expect: start ok
import os

from app import conf_ok  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    print("body")
