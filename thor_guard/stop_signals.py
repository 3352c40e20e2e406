"""Stop signals during ``apply``: turn them into an exception, and hold them off while a file is replaced.

A terminal's Ctrl-C (SIGINT), ``timeout``/``docker stop``/``kill`` (SIGTERM)
and a closed terminal (SIGHUP) may arrive while ``apply`` writes. By default
SIGTERM and SIGHUP kill the process on the spot, which leaves a temporary
file beside the source and no word of which files were already replaced. So
:func:`stop_signals_raise` makes each of them raise :class:`Stopped` (as
SIGINT raises ``KeyboardInterrupt``), and :func:`signals_deferred` blocks
them around one file's replacement, so a signal is acted on only between
files: each file is either replaced and recorded, or untouched.

By the shell's convention an interrupted run exits ``128 + signal``: 130 for
SIGINT, 143 for SIGTERM, 129 for SIGHUP (:func:`exit_status`).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

STOP_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Stopped(BaseException):
    """A stop signal arrived (a ``BaseException``, like ``KeyboardInterrupt``, so ``except Exception`` lets it pass)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def signal_name(signum: int) -> str:
    """``SIGTERM`` for 15, ``signal 64`` for a number without a name."""
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


def exit_status(signum: int) -> int:
    """The exit status of a run stopped by ``signum``: 128 + the signal number (130 for SIGINT, 143 for SIGTERM)."""
    return 128 + signum


def _raise_stopped(signum: int, frame: FrameType | None) -> None:
    raise Stopped(signum)


@contextmanager
def stop_signals_raise() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise :class:`Stopped` in the main thread; restored afterwards.

    A signal the process ignores (``nohup``, a background job's SIGINT) stays
    ignored; SIGINT keeps Python's ``KeyboardInterrupt``. Outside the main
    thread (where handlers cannot be installed) nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, object] = {}
    try:
        for signum in STOP_SIGNALS:
            if signum == signal.SIGINT:
                continue
            handler = signal.getsignal(signum)
            if handler == signal.SIG_IGN:
                continue
            previous[signum] = handler
            signal.signal(signum, _raise_stopped)
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Block the stop signals in this thread for the block; one that arrived meanwhile is acted on at its end.

    Used around replacing one file and recording it: a signal cannot leave a
    temporary file behind, nor a replaced file unreported. A no-op where
    ``pthread_sigmask`` does not exist (Windows).
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def ignore_in_worker() -> None:
    """In a pool worker: leave stops to the parent (SIGINT ignored; SIGTERM/SIGHUP back to their default).

    A forked worker inherits the parent's handlers; the parent alone decides
    to stop and cancels the work that has not started.
    """
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in STOP_SIGNALS:
        if signum != signal.SIGINT:
            signal.signal(signum, signal.SIG_DFL)
