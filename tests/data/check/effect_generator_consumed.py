# Hostile VH-5: calling a project generator runs nothing, iterating it runs its body.
# expect: start_for TG002 _configured_feeds()
# expect: start_list TG002 list(_configured_feeds())
# expect: start_join TG002
# expect: start_created_only ok
import logging
import os
import threading

logger = logging.getLogger(__name__)


def _configured_feeds():
    threading.Thread(target=print).start()
    yield "es"


def start_for():
    for feed in _configured_feeds():
        logger.info("feed %s", feed)
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_list():
    feeds = list(_configured_feeds())
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(feeds,)).start()


def start_join():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.debug("skipping %s", ", ".join(_configured_feeds()))
        return
    threading.Thread(target=print).start()


def start_created_only():
    feeds = _configured_feeds()  # created, never iterated before the guard
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(list(feeds),)).start()
