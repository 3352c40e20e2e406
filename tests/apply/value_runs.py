"""Apply to a scratch project and observe what an entry point gives its caller before and after, per mode.

For the value-contract tests (reviews AR3-1, AR3-5, AR3-12, AR3-17): the caller's view of a skipped call is
its return value (or the exception, or what a ``with`` / an iteration / an ``await`` gives), and the body's
side effects are the ``builtins.SIDE(...)`` calls it makes. Each observation runs in a fresh subprocess with
``THOR_SCHEDULER_MODE`` unset, ``heartbeat`` or ``legacy``; ``apply`` runs through the real CLI.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from tests.check.project import write_project
from thor_guard.cli import cli

MODES: tuple[str | None, ...] = (None, "heartbeat", "legacy")

PROBE = r"""
import asyncio, builtins, importlib, inspect, json, sys
sys.path.insert(0, ".")
log = []
builtins.SIDE = log.append
module_name, qualname = sys.argv[1].split(":")
target = importlib.import_module(module_name)
for part in qualname.split("."):
    target = getattr(target, part)
    if isinstance(target, type):
        target = target()
try:
    result = target()
    if inspect.iscoroutine(result):
        result = asyncio.run(result)
    elif hasattr(result, "__enter__"):
        with result as entered:
            result = ["with", entered]
    elif inspect.isgenerator(result):
        result = ["gen", *result]
    outcome = ["returned", repr(result)]
except BaseException as exc:
    outcome = ["raised", type(exc).__name__, str(exc)]
print(json.dumps([outcome, [repr(entry) for entry in log]]))
"""


def observe(root: Path, entry: str, mode: str | None) -> list[object]:
    """``[[outcome...], [side effects...]]`` of calling ``entry`` (``module:qualname``) under ``mode``."""
    env = {key: value for key, value in os.environ.items() if key != "THOR_SCHEDULER_MODE"}
    if mode is not None:
        env["THOR_SCHEDULER_MODE"] = mode
    done = subprocess.run(
        [sys.executable, "-c", PROBE, entry], cwd=root, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


@dataclass(frozen=True)
class Applied:
    """One apply run: its exit code and output, the files before/after, and each mode's observation."""

    exit_code: int
    output: str
    before: dict[str | None, list[object]]
    after: dict[str | None, list[object]]
    changed: bool

    def legacy_unchanged(self) -> bool:
        return self.before["legacy"] == self.after["legacy"]

    def heartbeat_answer_kept(self) -> bool:
        """In the heartbeat world the caller gets what it got before, and the body runs nothing."""
        return all(self.after[mode][0] == self.before[mode][0] and self.after[mode][1] == [] for mode in (None, "heartbeat"))


def apply_and_observe(root: Path, files: Mapping[str, str], entry: str, *args: str, table: Mapping[str, object] | None = None) -> Applied:
    """Write ``files`` and a manifest naming ``entry``, observe, ``thor-guard apply ARGS``, observe again."""
    write_project(root, files, table or {"preset": "none", "entry-points": [entry]})
    snapshot = {path: path.read_bytes() for path in root.rglob("*.py")}
    before = {mode: observe(root, entry, mode) for mode in MODES}
    result = CliRunner().invoke(cli, ["apply", "--no-color", "-j", "1", *args, str(root)])
    changed = any(path.read_bytes() != data for path, data in snapshot.items())
    after = {mode: observe(root, entry, mode) for mode in MODES}
    return Applied(result.exit_code, result.output, before, after, changed)


def check_clean(root: Path) -> tuple[int, str]:
    """``thor-guard check --no-cache`` on ``root``: exit code and output."""
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--no-color", str(root)])
    return result.exit_code, result.output
