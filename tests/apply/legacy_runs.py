"""Run a project's entry point before and after ``apply`` in subprocesses, per environment (review 3 of apply).

:func:`apply_and_run` copies a project, runs ``thor-guard apply`` on the copy through the CLI, then calls
``MODULE.FUNCTION`` of both trees in a fresh interpreter per environment (a ``.env`` file loaded by the code,
or a write it makes to ``os.environ``, must not leak from one run into the next) with the working
directory at the project root. ``SIDE(...)`` (a builtin the driver installs) records side effects.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.check.project import cli_runner, write_project
from thor_guard.cli import cli

DRIVER = """
import asyncio, builtins, inspect, json, sys
sys.path.insert(0, ".")
log = []
builtins.SIDE = log.append
module, _, qualname = sys.argv[1].partition(":")
try:
    target = __import__(module, fromlist=["_"])
    for part in qualname.split("."):
        target = getattr(target, part)
        if isinstance(target, type):
            target = target()
    result = target()
    if inspect.iscoroutine(result):
        result = asyncio.run(result)
    elif inspect.isgenerator(result):
        result = ["gen", *result]
    elif hasattr(result, "__enter__"):
        with result as entered:
            result = ["cm", entered]
    outcome = ["returned", repr(result)]
except Exception as exc:
    outcome = ["raised", type(exc).__name__, str(exc)]
print(json.dumps([log, outcome]))
"""

MODES: tuple[str | None, ...] = (None, "legacy", "heartbeat", "LEGACY")
"""The mode variable's values every case runs under (None: unset)."""


@dataclass(frozen=True)
class Applied:
    """What ``apply`` printed and did, and each environment's observable run before and after."""

    exit_code: int
    output: str
    """stdout (the "needs a person" lines) then stderr (what was fixed, notes, the summary)."""
    changed: bool
    runs: dict[str, tuple[object, object]]
    """Environment label -> (run before, run after); a run is ``[side effects, outcome]``."""
    legacy: frozenset[str]
    """Labels of the environments in legacy mode (the mode variable ``legacy`` in any case)."""

    def legacy_runs_changed(self) -> list[str]:
        """Labels of the legacy environments whose run differs after apply."""
        return [label for label, (before, after) in self.runs.items() if label in self.legacy and before != after]

    def heartbeat_side_effects(self) -> list[str]:
        """Labels of heartbeat environments (unset, ``heartbeat``) where the rewritten code still had a side effect."""
        return [label for label, (_, after) in self.runs.items() if label not in self.legacy and after[0]]  # type: ignore[index]


def _run(root: Path, entry: str, environment: Mapping[str, str]) -> object:
    env = {k: v for k, v in os.environ.items() if k != "THOR_SCHEDULER_MODE"} | dict(environment)
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, entry], cwd=root, env=env, capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def apply_and_run(
    tmp_path: Path,
    files: Mapping[str, str],
    entry: str = "m:start",
    *,
    args: Sequence[str] = (),
    extra: Sequence[Mapping[str, str]] = ({},),
    call: str | None = None,
) -> Applied:
    """Write ``files`` as a project with manifest ``[entry]``, apply, and run ``call`` (default ``entry``) before and after.

    Every environment is one of :data:`MODES` combined with one of ``extra`` (other variables).
    """
    run = call or entry
    before = write_project(tmp_path / "before", files, {"preset": "none", "entry-points": [entry]})
    after = tmp_path / "after"
    shutil.copytree(before, after)
    result = cli_runner().invoke(cli, ["apply", "--no-color", "-j", "1", *args, str(after)])
    changed = any(
        (before / name).read_bytes() != (after / name).read_bytes() for name in files if (before / name).exists()
    )
    runs: dict[str, tuple[object, object]] = {}
    legacy: set[str] = set()
    for mode in MODES:
        for others in extra:
            environment = dict(others) | ({} if mode is None else {"THOR_SCHEDULER_MODE": mode})
            label = ",".join(f"{k}={v}" for k, v in sorted(environment.items())) or "unset"
            label = label if mode is not None else "mode unset" + ("," + label if others else "")
            runs[label] = (_run(before, run, environment), _run(after, run, environment))
            if mode is not None and mode.lower() == "legacy":
                legacy.add(label)
    return Applied(result.exit_code, result.stdout + result.stderr, changed, runs, frozenset(legacy))
