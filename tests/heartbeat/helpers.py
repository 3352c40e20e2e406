"""Helpers for tests that run the heartbeat in real subprocesses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

REPO = Path(__file__).resolve().parents[2]
JOB_NAMES = (
    "intraday", "week52_extremes", "session_volume", "market_metrics",
    "twentyfour_hour", "preopen_backtest", "vwap_minute_capture", "closed_bars_flush",
)


def write_config(
    directory: Path,
    *,
    lock: str = "file",
    tick: float = 0.05,
    interval: float | None = None,
    target: str = "tests.heartbeat.jobs_for_tests:record",
    extra: Mapping[str, object] | None = None,
    jobs: Sequence[str] = JOB_NAMES,
    default_lock_path: bool = False,
    name: str = "heartbeat.toml",
    timeout: float | None = None,
) -> Path:
    """A standalone TOML config (top level = the [tool.thor-guard] table) binding ``jobs`` (the eight names) to ``target``.

    The lock file is ``directory/heartbeat.lock`` unless ``default_lock_path`` (then the documented default applies);
    ``timeout`` (seconds) is every job's timeout when given (else the default for the interval).
    """
    interval = interval if interval is not None else tick
    lines = [
        f'source-roots = ["{REPO}"]',
        "[heartbeat]",
        f"fast-tick = {tick}",
        f"slow-tick = {tick}",
        f'lock = "{lock}"',
        *([] if default_lock_path else [f'lock-path = "{directory / "heartbeat.lock"}"']),
        'cadence = "heartbeat.cadence:always_open"',
    ]
    for key, value in (extra or {}).items():
        lines.append(f"{key} = {value!r}".replace("'", '"') if isinstance(value, str) else f"{key} = {value}")
    lines.append("[heartbeat.jobs]")
    for job in jobs:
        limit = "" if timeout is None else f", timeout = {timeout}"
        lines.append(f'{job} = {{ target = "{target}", interval = {interval}, when = "always"{limit} }}')
    path = directory / name
    path.write_text("\n".join(lines) + "\n")
    return path


def console_script() -> list[str]:
    """The installed ``thor-guard`` console script (the real entry point users run)."""
    found = shutil.which("thor-guard")
    return [found] if found else [sys.executable, "-m", "thor_guard"]


def child_environment(*drop: str) -> dict[str, str]:
    """This process's environment for a child runner, minus what the test process itself set up.

    ``DJANGO_SETTINGS_MODULE`` is set process-wide by the Django tests (conftest) and
    must not leak into a child that configures itself; ``drop`` names more variables to remove.
    """
    removed = {"THOR_SCHEDULER_MODE", "DJANGO_SETTINGS_MODULE", *drop}
    return {k: v for k, v in os.environ.items() if k not in removed}


def spawn(config: Path, *args: str, env: Mapping[str, str] | None = None, log: Path | None = None) -> subprocess.Popen[bytes]:
    environment = {**os.environ, **(env or {})}
    environment.pop("THOR_SCHEDULER_MODE", None)
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), environment.get("PYTHONPATH", "")]))
    if env and "THOR_SCHEDULER_MODE" in env:
        environment["THOR_SCHEDULER_MODE"] = env["THOR_SCHEDULER_MODE"]
    stderr = open(log, "wb") if log is not None else subprocess.DEVNULL  # noqa: SIM115 - closed by the caller via the file
    return subprocess.Popen(
        [*console_script(), "run-heartbeat", "--config", str(config), *args],
        cwd=str(config.parent), env=environment, stdout=subprocess.DEVNULL, stderr=stderr,
    )


def wait_for(predicate: Callable[[], T | None], timeout: float = 15.0, what: str | None = None, interval: float = 0.02) -> T:
    """Poll until ``predicate()`` is truthy and return its value; fail loudly on timeout.

    A liveness bound, never a timing assertion: ``timeout`` only says how long
    to wait for something that must happen before calling it a failure.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what or predicate!r} did not happen within {timeout:g} s")
        time.sleep(interval)


def stop(process: subprocess.Popen[bytes], timeout: float = 10.0) -> int:
    if process.poll() is None:
        process.terminate()
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait()
