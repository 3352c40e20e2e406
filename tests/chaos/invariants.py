"""The invariants every chaos scenario must leave intact, checked over the whole journal.

Pure functions over :class:`~tests.chaos.journal.Run` and
:class:`~tests.chaos.journal.Fault` records, so they are unit-tested on
hand-made journals (``test_invariants.py``) before they judge real ones:

* no split brain: runs of different processes never overlap in time;
* fencing tokens never decrease in start order, and each token belongs to one
  process (so two leaders can never interleave);
* no ``(job, slot)`` runs twice;
* every gap in coverage longer than two ticks (plus a slack for a loaded
  machine) overlaps an injected fault and is no longer than that fault's
  allowance (plus the same slack).

Coverage is the union of the runs' ``[start, end]``: a job that is still
running (even one that hangs) covers the time it runs.

One exception is made, and counted: a run that was already in flight when its
process was paused (SIGSTOP) finishes after the resume, overlapping the new
leader, with its old token. No lock can prevent that; a store that checks the
fencing token must refuse its result. Such a run is excused only if its pid
was paused while it ran *and* the journal's fenced store refused its result;
any other refused result is a violation.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from tests.chaos.journal import Fault, Run


@dataclass(frozen=True)
class Gap:
    start: float
    end: float
    fault: str | None
    """The injected fault that explains the gap, if any."""

    @property
    def length(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class Verdict:
    records: int
    leaders: int
    """Distinct (pid, fencing token) tenures in the journal."""
    leader_changes: int
    longest_gap: float
    gaps: tuple[Gap, ...]
    """Gaps longer than the normal threshold (each explained or reported as a violation)."""
    violations: tuple[str, ...]
    fenced: int = 0
    """In-flight runs of a paused process whose late result the fencing-aware store refused (excused)."""


def run_end(run: Run, deaths: Mapping[int, float]) -> float | None:
    """When the run stopped: its own end, else the death of its process (SIGKILL mid-job), else unknown."""
    if run.end is not None:
        return run.end
    return deaths.get(run.pid)


def overlapping_runs(runs: Sequence[Run], deaths: Mapping[int, float]) -> list[str]:
    """Runs of different pids whose ``[start, end]`` intersect (touching ends are fine)."""
    problems: list[str] = []
    latest_end: dict[int, tuple[float, Run]] = {}
    for run in sorted(runs, key=lambda r: r.start):
        for pid, (end, other) in latest_end.items():
            if pid != run.pid and end > run.start:
                problems.append(
                    f"split brain: pid {run.pid} started {run.job}#{run.slot} at {run.start:.3f} "
                    f"while pid {pid} was running {other.job}#{other.slot} until {end:.3f}"
                )
        end = run_end(run, deaths)
        end = run.start if end is None else end
        if run.pid not in latest_end or end > latest_end[run.pid][0]:
            latest_end[run.pid] = (end, run)
    return problems


def unfinished_runs(runs: Iterable[Run], deaths: Mapping[int, float]) -> list[str]:
    """A run without an end whose process was not killed: the process left a job half done."""
    return [
        f"unfinished run: {run.job}#{run.slot} of pid {run.pid} started at {run.start:.3f} and never ended"
        for run in runs
        if run.end is None and run.pid not in deaths
    ]


def token_violations(runs: Sequence[Run]) -> list[str]:
    problems: list[str] = []
    previous: Run | None = None
    owners: dict[int, set[int]] = defaultdict(set)
    for run in sorted(runs, key=lambda r: r.start):
        if run.token is None:
            problems.append(f"no fencing token: {run.job}#{run.slot} of pid {run.pid}")
            continue
        owners[run.token].add(run.pid)
        if previous is not None and previous.token is not None and run.token < previous.token:
            problems.append(
                f"fencing token decreased: {previous.token} (pid {previous.pid}) then {run.token} "
                f"(pid {run.pid}, {run.job}#{run.slot} at {run.start:.3f})"
            )
        previous = run
    problems.extend(f"fencing token {token} used by pids {sorted(pids)}" for token, pids in owners.items() if len(pids) > 1)
    return problems


def duplicate_slots(runs: Iterable[Run]) -> list[str]:
    counts = Counter((run.job, run.slot) for run in runs)
    return [f"slot run {n} times: {job}#{slot}" for (job, slot), n in sorted(counts.items()) if n > 1]


def coverage_gaps(runs: Sequence[Run], deaths: Mapping[int, float]) -> list[Gap]:
    """Every gap between consecutive stretches of coverage (the union of the runs' intervals)."""
    gaps: list[Gap] = []
    covered_until: float | None = None
    for run in sorted(runs, key=lambda r: r.start):
        end = run_end(run, deaths)
        end = run.start if end is None else end
        if covered_until is not None and run.start > covered_until:
            gaps.append(Gap(covered_until, run.start, None))
        covered_until = end if covered_until is None else max(covered_until, end)
    return gaps


def explain(gap: Gap, faults: Iterable[Fault]) -> Fault | None:
    """The fault with the largest allowance whose window intersects the gap."""
    candidates = [f for f in faults if gap.start <= f.end and gap.end >= f.start]
    return max(candidates, key=lambda f: f.allowance, default=None)


def check(
    runs: Sequence[Run],
    faults: Sequence[Fault],
    *,
    tick: float,
    slack: float,
    deaths: Mapping[int, float] | None = None,
) -> Verdict:
    """All invariants over one journal; ``deaths`` maps SIGKILLed pids to when they were killed."""
    deaths = deaths or {}
    violations: list[str] = []
    excused = {id(run) for run in runs if run.fenced_out and paused_in_flight(run, faults)}
    violations += [
        f"result refused by the fenced store without a pause of its process: {run.job}#{run.slot} of pid {run.pid} "
        f"(token {run.token}) at {run.start:.3f}"
        for run in runs
        if run.fenced_out and id(run) not in excused
    ]
    recorded = len(runs)
    runs = [run for run in runs if id(run) not in excused]
    violations += overlapping_runs(runs, deaths)
    violations += unfinished_runs(runs, deaths)
    violations += token_violations(runs)
    violations += duplicate_slots(runs)
    normal = 2 * tick + slack
    long_gaps: list[Gap] = []
    all_gaps = coverage_gaps(runs, deaths)
    for gap in all_gaps:
        if gap.length <= normal:
            continue
        fault = explain(gap, faults)
        if fault is None:
            violations.append(f"unexplained gap of {gap.length:.3f} s from {gap.start:.3f} (normal: at most {normal:.3f} s)")
            long_gaps.append(gap)
            continue
        long_gaps.append(Gap(gap.start, gap.end, fault.kind))
        if gap.length > fault.allowance + slack:
            violations.append(
                f"gap of {gap.length:.3f} s after {fault.kind} is longer than its allowance {fault.allowance:.3f} s + slack {slack:.3f} s"
            )
    ordered = sorted(runs, key=lambda r: r.start)
    tenures = [(r.pid, r.token) for r in ordered]
    changes = sum(1 for a, b in itertools.pairwise(tenures) if a != b)
    return Verdict(
        records=recorded,
        leaders=len(set(tenures)),
        leader_changes=changes,
        longest_gap=max((g.length for g in all_gaps), default=0.0),
        gaps=tuple(long_gaps),
        violations=tuple(violations),
        fenced=len(excused),
    )


def paused_in_flight(run: Run, faults: Iterable[Fault]) -> bool:
    """Whether ``run``'s process was paused (SIGSTOP) while the run was in flight."""
    end = run.end if run.end is not None else float("inf")
    return any(f.kind.startswith("SIGSTOP") and f.pid == run.pid and run.start <= f.start <= end for f in faults)
