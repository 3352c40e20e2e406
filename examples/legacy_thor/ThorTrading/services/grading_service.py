"""Grade closed trades in the background, started by a signal receiver (see ``ThorTrading.signals``)."""

from __future__ import annotations

import logging
import threading

logger = logging.getLogger(__name__)

_grader: threading.Thread | None = None
_lock = threading.Lock()


def _grade_pending() -> None:
    logger.debug("grading service: one pass over the closed trades")


def start_grading_service() -> None:
    """Start one grading pass unless one is already running."""
    global _grader
    with _lock:
        if _grader is not None and _grader.is_alive():
            return
        _grader = threading.Thread(target=_grade_pending, name="thor-grading", daemon=True)
        _grader.start()
