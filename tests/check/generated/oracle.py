"""Run generated cases for real and through ``check``, and compare.

- :func:`execute` writes a batch and runs it in one subprocess (``runner.py``)
  under every value of the mode variable and every scenario of the case.
- :func:`judge` decides from those runs alone whether the entry point is
  *really guarded*: for every heartbeat-world value (DESIGN §1: unset or
  ``value.lower() == "heartbeat"``) the call records no event at all and ends
  by ``return`` or the generated ``raise``; for the legacy-world values it
  behaves the same for every value up to the guard's marker (exactly one
  world, whatever the spelling) and, in the permissive scenario, gets past the
  guard. Like the verifier, the oracle does not judge the body after the
  guard: each case calls ``tg_sentinel.after_guard()`` right after its guard.
- :func:`verify` runs ``check`` (the same :func:`~thor_guard.check.run_check`
  the CLI uses) over the batch: a case is *accepted* when its entry point was
  verified and has no finding.

An accepted case that is not really guarded is an UNSOUND verdict.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tests.check.generated.model import KNOB_ENV, VALUES, Batch, Case, heartbeat_world

HERE = Path(__file__).resolve().parent
RUNNER = HERE / "runner.py"
SENTINEL = HERE / "sentinel"

TRANSPARENT = ("tg_sentinel.transparent",)
"""Decorators the generated projects declare transparent (``transparent-decorators``)."""

Run = tuple[tuple[str, ...], str]
"""(events, outcome) of one call."""


@dataclass(frozen=True)
class Judgement:
    guarded: bool
    reason: str
    """Why not (empty when guarded): the value, scenario and what the run did."""


@dataclass(frozen=True)
class Verdict:
    accepted: bool
    codes: tuple[str, ...]
    messages: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    case: Case
    verdict: Verdict
    judgement: Judgement
    runs: tuple[tuple[Run, ...], ...]

    @property
    def unsound(self) -> bool:
        return self.verdict.accepted and not self.judgement.guarded


def _show(value: str | None) -> str:
    return "unset" if value is None else repr(value)


def judge(case: Case, runs: tuple[tuple[Run, ...], ...]) -> Judgement:
    """Really guarded or not, with the first reason found (see the module docstring).

    The runner stops a case at its first failing heartbeat-world run; this walks the runs in the
    same order (scenario by scenario, heartbeat-world values first), so it stops there too.
    """
    for s, per_value in enumerate(runs):
        where = f"scenario {s} {case.scenarios[s].as_json()}" if s else "permissive scenario"
        for value, (events, outcome) in zip(VALUES, per_value):
            if heartbeat_world(value) and (events or outcome not in ("return", "exit")):
                return Judgement(False, f"heartbeat world, {_show(value)}, {where}: events {list(events)}, outcome {outcome}")
        legacy = [(value, _up_to_guard(run)) for value, run in zip(VALUES, per_value) if not heartbeat_world(value)]
        first_value, first_run = legacy[0]
        for value, run in legacy[1:]:
            if run != first_run:
                return Judgement(
                    False,
                    f"legacy world, {where}: {_show(first_value)} gives {list(first_run[0])}/{first_run[1]} "
                    f"but {_show(value)} gives {list(run[0])}/{run[1]}",
                )
        marker = "AFTER_GUARD" if any(f.guard for f in case.features) else "BODY"
        if s == 0 and marker not in first_run[0]:
            return Judgement(False, f"legacy world, {where}: the guard never lets the run through ({list(first_run[0])}/{first_run[1]})")
    return Judgement(True, "")


def _up_to_guard(run: Run) -> Run:
    """What the guard decides in a legacy run: the events up to the guard's marker (the body, after it, is not judged)."""
    events, outcome = run
    if "AFTER_GUARD" in events:
        return events[: events.index("AFTER_GUARD") + 1], "passed"
    return run


def execute(batch: Batch, root: Path, timeout: float = 600) -> dict[str, tuple[tuple[Run, ...], ...]]:
    """Run every case of the (already written) batch; target -> runs[scenario][value]."""
    job = {
        "root": str(root),
        "sentinel": str(SENTINEL),
        "values": list(VALUES),
        "knob_env": list(KNOB_ENV),
        "cases": [
            {
                "id": case.target,
                "package": case.package,
                "module": f"{case.package}.main",
                "qualname": case.qualname,
                "scenarios": [scenario.as_json() for scenario in case.scenarios],
            }
            for case in batch.cases
        ],
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(job, handle)
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        done = subprocess.run(
            [sys.executable, "-I", str(RUNNER), handle.name], capture_output=True, text=True, timeout=timeout, check=False, env=env
        )
    finally:
        os.unlink(handle.name)
    if done.returncode != 0:
        raise RuntimeError(f"runner failed ({done.returncode}): {done.stderr[-2000:]}")
    raw = json.loads(done.stdout)
    return {
        target: tuple(tuple((tuple(events), outcome) for events, outcome in per_value) for per_value in per_scenario)
        for target, per_scenario in raw.items()
    }


def verify(batch: Batch, root: Path) -> dict[str, Verdict]:
    """``check`` over the written batch: target -> verdict."""
    from thor_guard.check import run_check
    from thor_guard.config import load_config
    from thor_guard.errors import ConfigError

    try:
        # The sentinel's identity decorator, listed as the config allows (verifier v2's key).
        config = load_config([root], overrides={"transparent-decorators": list(TRANSPARENT)})
    except ConfigError:
        config = load_config([root])  # a verifier without the key: such decorators are TG009 there
    # The runner imports the sentinel from sys.path (a library of the cases): check where it is importable too, as
    # the docs ask of a project's dependencies (an import found nowhere at check time is TG009, R7-8).
    if str(SENTINEL) not in sys.path:
        sys.path.append(str(SENTINEL))
    result = run_check([root], config)
    by_target: dict[str, list] = {case.target: [] for case in batch.cases}
    for finding in result.findings:
        if finding.entry_point in by_target:
            by_target[finding.entry_point].append(finding)
    errors = {str(error.path) for error in result.errors}
    verdicts = {}
    for case in batch.cases:
        findings = by_target[case.target]
        verified = case.target in result.verdicts
        broken = any(path.startswith(str(root / case.package)) for path in errors)
        verdicts[case.target] = Verdict(
            accepted=verified and not findings and not broken,
            codes=tuple(sorted({f.code for f in findings})) or (() if verified else ("not-verified",)),
            messages=tuple(f.message for f in findings),
        )
    return verdicts


def verify_each(batch: Batch, root: Path) -> dict[str, Verdict]:
    """:func:`verify`, falling back to one case at a time when ``check`` itself raises (a crash is reported, not accepted)."""
    try:
        return verify(batch, root)
    except Exception:  # noqa: BLE001 - a verifier crash is a finding of this harness
        pass
    verdicts = {}
    for case in batch.cases:
        single = root / f"_single_{case.package}"
        Batch([case]).write(single)
        try:
            verdicts.update(verify(Batch([case]), single))
        except Exception as exc:  # noqa: BLE001
            verdicts[case.target] = Verdict(False, ("verifier-crash",), (f"{type(exc).__name__}: {exc}",))
    return verdicts


def evaluate(cases: list[Case], workdir: Path) -> list[Result]:
    """Number, write, execute and verify ``cases`` as one batch under ``workdir`` (which must be empty)."""
    batch = Batch([case.renumbered(i) for i, case in enumerate(cases)])
    batch.write(workdir)
    with ThreadPoolExecutor(max_workers=1) as pool:
        running = pool.submit(execute, batch, workdir)  # the subprocess runs while check verifies
        verdicts = verify_each(batch, workdir)
        runs = running.result()
    return [
        Result(case, verdicts[case.target], judge(case, runs[case.target]), runs[case.target])
        for case in batch.cases
    ]
