"""The invariant checker must catch what it claims to catch: hand-made journals, clean and broken.

A checker that never fails would make every chaos scenario pass; these tests
pin each invariant to a journal that breaks exactly it, and a property test
shows that any clean sequence of leaders passes.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.chaos.invariants import check, coverage_gaps
from tests.chaos.journal import Fault, Run

TICK = 0.05
SLACK = 0.1


def tenure(pid: int, token: int, first_slot: int, count: int, *, job: str = "intraday") -> list[Run]:
    """``count`` runs on consecutive ticks, each lasting a millisecond."""
    return [Run(job, slot, token, pid, slot * TICK, slot * TICK + 0.001, slot * TICK + 0.002) for slot in range(first_slot, first_slot + count)]


def violations(runs: list[Run], faults: list[Fault] | None = None, deaths: dict[int, float] | None = None) -> tuple[str, ...]:
    return check(runs, faults or [], tick=TICK, slack=SLACK, deaths=deaths).violations


def test_a_clean_handover_passes_and_is_counted() -> None:
    runs = tenure(1, 10, 0, 20) + tenure(2, 11, 20, 20)
    verdict = check(runs, [], tick=TICK, slack=SLACK)
    assert verdict.violations == ()
    assert (verdict.records, verdict.leaders, verdict.leader_changes) == (40, 2, 1)
    assert abs(verdict.longest_gap - (TICK - 0.001)) < 1e-9


def test_overlapping_runs_of_two_processes_are_split_brain() -> None:
    runs = tenure(1, 10, 0, 5)
    runs.append(Run("week52_extremes", 1, 11, 2, 0.1, runs[2].start - 0.0005, runs[2].start + 0.0005))
    assert any(v.startswith("split brain") for v in violations(runs))


def test_a_killed_process_run_lasts_until_its_death() -> None:
    hung = Run("market_metrics", 0, 10, 1, 0.0, 0.0, None)
    other = Run("intraday", 1, 11, 2, 0.05, 0.5, 0.501)
    assert any(v.startswith("split brain") for v in violations([hung, other], deaths={1: 0.6}))
    assert violations([hung, other], [Fault("SIGKILL", 1, 0.4, 0.4, 1.0)], deaths={1: 0.4}) == ()
    assert any(v.startswith("unfinished run") for v in violations([hung, other]))


def test_a_decreasing_fencing_token_is_reported() -> None:
    runs = tenure(1, 10, 0, 5) + tenure(2, 9, 5, 5)
    assert any(v.startswith("fencing token decreased") for v in violations(runs))


def test_interleaved_leaders_are_caught_by_the_tokens_even_without_overlap() -> None:
    runs = tenure(1, 10, 0, 4) + tenure(2, 11, 4, 2) + tenure(1, 10, 6, 2)
    assert any(v.startswith("fencing token decreased") for v in violations(runs))
    shared = tenure(1, 10, 0, 4) + tenure(2, 10, 4, 4)
    assert any("used by pids [1, 2]" in v for v in violations(shared))


def test_a_slot_run_twice_is_reported() -> None:
    replay = Run("intraday", 4, 11, 2, 0.25, 0.251, 0.252)  # slot 4 again, one tick later, by the next leader
    runs = [*tenure(1, 10, 0, 5), replay, *tenure(2, 11, 6, 3)]
    assert violations(runs) == ("slot run 2 times: intraday#4",)


def test_gaps_must_be_explained_by_a_fault_and_within_its_allowance() -> None:
    runs = tenure(1, 10, 0, 10) + tenure(2, 11, 30, 10)  # one second without coverage
    assert any(v.startswith("unexplained gap") for v in violations(runs))
    kill = Fault("SIGKILL", 1, 0.5, 0.5, 1.0)
    assert violations(runs, [kill]) == ()
    short = Fault("SIGKILL", 1, 0.5, 0.5, 0.5)
    assert any("longer than its allowance" in v for v in violations(runs, [short]))
    elsewhere = Fault("SIGKILL", 1, 5.0, 5.0, 1.0)
    assert any(v.startswith("unexplained gap") for v in violations(runs, [elsewhere]))


def test_a_hanging_run_covers_the_time_it_runs() -> None:
    hang = Run("market_metrics", 0, 10, 1, 0.0, 0.01, 2.0)
    runs = [hang, *tenure(1, 10, 40, 3)]
    gaps = coverage_gaps(runs, {})
    assert gaps[0].start == 2.0 and max(g.length for g in gaps) < TICK
    assert violations(runs) == ()


@st.composite
def clean_journals(draw: st.DrawFn) -> list[Run]:
    """Successive tenures with growing tokens, any pids, back to back on the tick grid."""
    runs: list[Run] = []
    slot, token = 0, draw(st.integers(1, 10**12))
    for _ in range(draw(st.integers(1, 6))):
        count = draw(st.integers(1, 15))
        runs += tenure(draw(st.integers(1, 4)), token, slot, count)
        slot += count
        token += draw(st.integers(1, 1000))
    return runs


@settings(max_examples=60, deadline=None)
@given(clean_journals())
def test_any_clean_succession_of_leaders_passes(runs: list[Run]) -> None:
    assert violations(runs) == ()


@settings(max_examples=60, deadline=None)
@given(clean_journals(), st.data())
def test_replaying_any_run_by_another_process_later_is_caught(runs: list[Run], data: st.DataObject) -> None:
    victim = data.draw(st.sampled_from(runs))
    last = runs[-1]
    replay = Run(victim.job, victim.slot, last.token + 1, 99, victim.scheduled, last.end + 0.01, last.end + 0.011)  # type: ignore[operator]
    assert any(v.startswith("slot run 2 times") for v in violations([*runs, replay]))


def test_a_late_result_is_excused_only_when_fenced_out_after_a_pause_of_its_process() -> None:
    in_flight = Run("market_metrics", 0, 10, 1, 0.0, 0.01, 2.5, "hang 0.5s, fenced out")  # paused at 0.2, resumed at 2.4
    successor = tenure(2, 11, 20, 10)  # leads from 1.0 s on
    pause = Fault("SIGSTOP leader", 1, 0.2, 2.4, 1.0)
    verdict = check([in_flight, *successor], [pause], tick=TICK, slack=SLACK)
    assert verdict.violations == () and verdict.fenced == 1 and verdict.records == 11
    # the same late result accepted by the store (no "fenced out"): two processes at work at once
    accepted = Run("market_metrics", 0, 10, 1, 0.0, 0.01, 2.5, "hang 0.5s")
    assert any(v.startswith("split brain") for v in violations([accepted, *successor], [pause]))
    # refused without any pause of its process: a violation of its own
    assert any(v.startswith("result refused") for v in violations([in_flight, *successor], [Fault("SIGSTOP leader", 2, 0.2, 2.4, 1.0)]))
