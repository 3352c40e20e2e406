"""Time one command in a fresh child process and read its peak memory from the kernel.

Each run is its own ``subprocess.Popen`` reaped with ``os.wait4``, whose
rusage belongs to that child alone (and to the descendants it waited for,
such as a pool's workers or semgrep's core), so ``ru_maxrss`` is the peak
resident size of the largest process of that run: no polling thread competes
with the tool for the two shared cores.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO


@dataclass(frozen=True)
class RunResult:
    """One timed run: wall seconds, peak RSS in MiB, exit code and the output's tail for diagnosis."""

    wall: float
    cpu: float
    """User + system seconds of the process and the descendants it reaped (pool workers, semgrep-core)."""
    peak_rss_mib: float
    returncode: int
    stdout_tail: str
    stderr_tail: str


def _maxrss_to_mib(value: int) -> float:
    # Linux reports KiB, macOS bytes.
    return value / (1024 * 1024) if sys.platform == "darwin" else value / 1024


def run_once(argv: Sequence[str], cwd: Path, env: Mapping[str, str] | None = None) -> RunResult:
    """Run ``argv`` to completion (output to anonymous temp files) and time it from spawn to reap."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(list(argv), cwd=cwd, env=dict(env) if env is not None else None, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        return RunResult(
            wall=wall,
            cpu=usage.ru_utime + usage.ru_stime,
            peak_rss_mib=_maxrss_to_mib(usage.ru_maxrss),
            returncode=process.returncode,
            stdout_tail=_tail(out),
            stderr_tail=_tail(err),
        )


def _tail(handle: IO[bytes], limit: int = 600) -> str:
    handle.seek(0, os.SEEK_END)
    size = handle.tell()
    handle.seek(max(0, size - limit))
    return handle.read().decode("utf-8", "replace")
