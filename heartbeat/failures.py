"""How a job failure is stored and logged: bounded text, and no log flood from the same failure.

A job's exception may carry megabytes of text (a whole response body, a
dumped object). Everything the heartbeat keeps or prints about a failure goes
through :func:`clip` (a byte cap that keeps the head and the tail) and
:func:`traceback_excerpt` (the first and last lines of the traceback), so the
status document and the log stay small whatever a job raises. A failure that
repeats identically is logged in full once, then only at the 2nd, 4th, 8th, …
repetition (:class:`RepeatFilter`): the count grows, the log does not.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass

ERROR_BYTES = 500
"""Cap of the one-line error (``Type: message``) kept per run in the status."""
TRACEBACK_BYTES = 4000
"""Cap of a traceback in the status and in the log."""
TRACEBACK_HEAD = 3
TRACEBACK_TAIL = 12
"""Lines kept from the start and the end of a traceback (the end names the failing line and the exception)."""


def clip(text: str, limit: int) -> str:
    """``text`` if its UTF-8 form fits in ``limit`` bytes, else its head and tail around a marker naming the cut.

    The result never exceeds ``limit`` bytes (for ``limit`` >= 64) and is valid
    UTF-8 (a multi-byte character is never split).
    """
    raw = text.encode("utf-8", "replace")
    if len(raw) <= limit:
        return text
    marker_budget = 40
    keep = max(0, limit - marker_budget)
    head = raw[: keep * 2 // 3].decode("utf-8", "ignore")
    tail = raw[len(raw) - keep // 3 :].decode("utf-8", "ignore") if keep // 3 else ""
    cut = len(raw) - len(head.encode()) - len(tail.encode())
    return f"{head} … [{cut} bytes cut] … {tail}"


def error_line(exc: BaseException) -> str:
    """``Type: first line of the message``, clipped to :data:`ERROR_BYTES` (what the status shows per run)."""
    message = str(exc)
    first = message.splitlines()[0] if message else ""
    more = " …" if "\n" in message.strip() else ""
    text = f"{type(exc).__name__}: {first}{more}" if message else type(exc).__name__
    return clip(text, ERROR_BYTES)


def traceback_excerpt(exc: BaseException, *, head: int = TRACEBACK_HEAD, tail: int = TRACEBACK_TAIL, limit: int = TRACEBACK_BYTES) -> str:
    """The traceback's first ``head`` and last ``tail`` lines, each line and the whole clipped to ``limit`` bytes."""
    lines = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)).rstrip("\n").splitlines()
    if len(lines) > head + tail:
        lines = [*lines[:head], f"… [{len(lines) - head - tail} lines cut] …", *lines[-tail:]]
    per_line = max(80, limit // 4)
    return clip("\n".join(clip(line, per_line) for line in lines), limit)


@dataclass
class Repeat:
    """What :meth:`RepeatFilter.failed` decided for one failure."""

    log_full: bool
    """First occurrence (or a different error than last time): log the traceback."""
    log_repeat: bool
    """A repetition worth one short line (the 2nd, 4th, 8th, … in a row)."""
    count: int
    """How many times in a row this job failed with this same error."""


class RepeatFilter:
    """Per job: the last error and how many times in a row it happened; decides what to log.

    Deterministic (counts, not time), so a job that fails every second for a
    day writes about 17 lines, not 86,400 tracebacks.
    """

    def __init__(self) -> None:
        self._last: dict[str, tuple[str, int]] = {}

    def failed(self, job: str, signature: str) -> Repeat:
        """Record one failure of ``job`` whose error text is ``signature``."""
        previous = self._last.get(job)
        count = previous[1] + 1 if previous is not None and previous[0] == signature else 1
        self._last[job] = (signature, count)
        if count == 1:
            return Repeat(log_full=True, log_repeat=False, count=1)
        return Repeat(log_full=False, log_repeat=count & (count - 1) == 0, count=count)

    def succeeded(self, job: str) -> int:
        """Forget the job's failure streak; return how long it was (0 when it was not failing)."""
        previous = self._last.pop(job, None)
        return 0 if previous is None else previous[1]
