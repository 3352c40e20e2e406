"""Run a project's entry point before and after ``apply`` in subprocesses, per environment (the one such helper).

:func:`apply_and_run` writes a scratch project, calls an entry point under every environment, runs ``thor-guard
apply`` on it through the CLI, and calls it again. Each call is a fresh interpreter (a ``.env`` file loaded by the
code, or a write it makes to ``os.environ``, must not leak from one run into the next) with the working directory at
the project root and no bytecode written (a rewrite in the same second must never meet a stale ``.pyc``).

An observation is ``[outcome, side effects]``: the outcome is ``["returned", repr(value)]`` or ``["raised", type,
message]``, where the value is what the caller gets — awaited for a coroutine, entered with ``with`` for a context
manager (``["with", entered]``), iterated for a generator (``["gen", *items]``); the side effects are the ``repr`` of
each ``SIDE(...)`` call (a builtin the driver installs) the code made. Used by the legacy-mode tests (reviews AR3-3,
AR3-21: the legacy run never changes) and the value-contract tests (AR3-1, AR3-5, AR3-12, AR3-17: the heartbeat
caller gets what it got before, and the body runs nothing).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.check.project import cli_runner, write_project
from thor_guard.cli import cli

DRIVER = r"""
import asyncio, builtins, importlib, inspect, json, sys
sys.path.insert(0, ".")
log = []
builtins.SIDE = log.append
module_name, _, qualname = sys.argv[1].partition(":")
try:
    target = importlib.import_module(module_name)
    for part in qualname.split("."):
        target = getattr(target, part)
        if isinstance(target, type):
            target = target()
    result = target()
    if inspect.iscoroutine(result):
        result = asyncio.run(result)
    elif hasattr(result, "__enter__"):
        with result as entered:
            result = ["with", entered]
    elif inspect.isgenerator(result):
        result = ["gen", *result]
    outcome = ["returned", repr(result)]
except BaseException as exc:  # SystemExit too: what the caller would see
    outcome = ["raised", type(exc).__name__, str(exc)]
print(json.dumps([outcome, [repr(entry) for entry in log]]))
"""

MODES: tuple[str | None, ...] = (None, "heartbeat", "legacy", "LEGACY")
"""The mode variable's values every entry point runs under (None: unset)."""


def run_entry(root: Path, entry: str, environment: Mapping[str, str]) -> list[object]:
    """``[outcome, side effects]`` of calling ``entry`` (``module:qualname``) in ``root`` with ``environment`` added
    to this process's environment (THOR_SCHEDULER_MODE only when ``environment`` names it)."""
    env = {k: v for k, v in os.environ.items() if k != "THOR_SCHEDULER_MODE"} | {"PYTHONDONTWRITEBYTECODE": "1"} | dict(environment)
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, entry], cwd=root, env=env, capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


@dataclass(frozen=True)
class Applied:
    """What ``apply`` printed and did, and each environment's observation before and after."""

    exit_code: int
    output: str
    """stdout (the "needs a person" lines) then stderr (what was fixed, notes, the summary)."""
    changed: bool
    """Some ``.py`` file of the project changed."""
    runs: dict[str, tuple[list[object], list[object]]]
    """Environment label -> (observation before, observation after)."""
    legacy: frozenset[str]
    """Labels of the environments in legacy mode (the mode variable ``legacy`` in any case)."""
    labels: dict[str | None, str]
    """Mode -> the label of its environment without extra variables."""

    @property
    def before(self) -> dict[str | None, list[object]]:
        """Mode -> observation before apply (environments without extra variables)."""
        return {mode: self.runs[label][0] for mode, label in self.labels.items()}

    @property
    def after(self) -> dict[str | None, list[object]]:
        """Mode -> observation after apply (environments without extra variables)."""
        return {mode: self.runs[label][1] for mode, label in self.labels.items()}

    def legacy_runs_changed(self) -> list[str]:
        """Labels of the legacy environments whose observation differs after apply."""
        return [label for label, (before, after) in self.runs.items() if label in self.legacy and before != after]

    def legacy_unchanged(self) -> bool:
        return not self.legacy_runs_changed()

    def heartbeat_side_effects(self) -> list[str]:
        """Labels of heartbeat environments (unset, ``heartbeat``) where the rewritten code still had a side effect."""
        return [label for label, (_, after) in self.runs.items() if label not in self.legacy and after[1]]

    def heartbeat_answer_kept(self) -> bool:
        """In the heartbeat world the caller gets what it got before, and the body runs nothing."""
        return all(
            after[0] == before[0] and after[1] == [] for label, (before, after) in self.runs.items() if label not in self.legacy
        )


def apply_and_run(
    root: Path,
    files: Mapping[str, str],
    entry: str = "m:start",
    *,
    call: str | None = None,
    args: Sequence[str] = (),
    table: Mapping[str, object] | None = None,
    extra: Sequence[Mapping[str, str]] = ({},),
) -> Applied:
    """Write ``files`` as a project in ``root`` with manifest ``[entry]`` (or ``table``), run ``call`` (default
    ``entry``), ``thor-guard apply ARGS`` in place, and run ``call`` again.

    Every environment is one of :data:`MODES` combined with one of ``extra`` (other variables).
    """
    run = call or entry
    write_project(root, files, table or {"preset": "none", "entry-points": [entry]})
    snapshot = {path: path.read_bytes() for path in root.rglob("*.py")}
    environments: dict[str, dict[str, str]] = {}
    labels: dict[str | None, str] = {}
    legacy: set[str] = set()
    for mode in MODES:
        for others in extra:
            environment = dict(others) | ({} if mode is None else {"THOR_SCHEDULER_MODE": mode})
            label = ",".join(f"{k}={v}" for k, v in sorted(environment.items())) or "unset"
            label = label if mode is not None else "mode unset" + ("," + label if others else "")
            environments[label] = environment
            if not others:
                labels[mode] = label
            if mode is not None and mode.lower() == "legacy":
                legacy.add(label)
    before = {label: run_entry(root, run, environment) for label, environment in environments.items()}
    result = cli_runner().invoke(cli, ["apply", "--no-color", "-j", "1", *args, str(root)])
    changed = any(path.read_bytes() != data for path, data in snapshot.items())
    after = {label: run_entry(root, run, environment) for label, environment in environments.items()}
    runs = {label: (before[label], after[label]) for label in environments}
    return Applied(result.exit_code, result.stdout + result.stderr, changed, runs, frozenset(legacy), labels)


def check_clean(root: Path) -> tuple[int, str]:
    """``thor-guard check --no-cache`` on ``root``: exit code and output."""
    result = cli_runner().invoke(cli, ["check", "--no-cache", "--no-color", str(root)])
    return result.exit_code, result.stdout + result.stderr
