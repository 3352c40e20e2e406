import logging

logger = logging.getLogger(__name__)


def start():
    """Nothing to do yet, but the manifest lists it."""


def start_and_log():
    """Logs only."""
    print("legacy start")
