"""The generated oracle in the normal suite: a few hundred seeded cases, executed and checked.

The big run is ``python -m tests.check.generated --count 20000`` (see
docs/check.md); this test runs the same engine on fewer cases with a fixed
seed, plus hand-written cases that show the runner and the judge can tell a
guarded entry point from each kind of unguarded one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.check.generated.engine import describe, minimise, run_all, summarise
from tests.check.generated.model import PERMISSIVE, Case, Feature, Scenario
from tests.check.generated.oracle import evaluate

pytestmark = pytest.mark.slow

COUNT = 300
SEED = 20261130

CANONICAL = ('mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()', 'if mode == "heartbeat":', "    return")
RANDOM = Scenario(env=(("RUN_MAIN", "false"),), attrs=(("disabled", True), ("enabled", False), ("x", 1), ("name", "")))


def _case(*features: Feature, kind: str = "method") -> Case:
    return Case(kind=kind, is_async=False, features=features, scenarios=(PERMISSIVE, RANDOM))


def _guard(*lines: str, **places: tuple[str, ...]) -> Feature:
    return Feature(tag="guard:hand", prefix=lines, guard=True, **places)


HAND_CASES: dict[str, tuple[Case, bool]] = {
    # name -> (case, really guarded)
    "canonical": (_case(_guard(*CANONICAL)), True),
    "canonical after a harmless if": (_case(Feature("disabled", prefix=("if self.disabled:", "    return")), _guard(*CANONICAL)), True),
    "reloader check before the guard": (
        _case(Feature("run_main", prefix=('if os.environ.get("RUN_MAIN") != "true":', "    return")), _guard(*CANONICAL), kind="function"),
        True,
    ),
    "the body after the guard is not judged": (
        _case(_guard(*CANONICAL), Feature("after", prefix=('if os.environ.get("RUN_MAIN") != "true":', "    return")), kind="function"),
        True,
    ),
    "match with a catch-all exit": (
        _case(_guard('match os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower():', '    case "legacy":', "        pass", "    case _:", "        return")),
        False,
    ),
    "no guard": (_case(), False),
    "guard only when RUN_MAIN is set": (
        _case(_guard('if os.environ.get("RUN_MAIN") == "true" and os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":', "    return")),
        False,
    ),
    "comprehension call first": (_case(Feature("c", prefix=("conns = [c.open() for c in self._pools]",)), _guard(*CANONICAL)), False),
    "log argument in the exit": (
        _case(_guard(*CANONICAL[:2], '    logger.info("skip %d", len(self._load_feeds()))', "    return")),
        False,
    ),
    "not-equal legacy": (_case(_guard('if os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() != "legacy":', "    return")), False),
    "strip makes ' heartbeat' exit": (
        _case(_guard('if os.getenv("THOR_SCHEDULER_MODE", "heartbeat").strip().lower() == "heartbeat":', "    return")),
        False,
    ),
    "case-sensitive": (_case(_guard('if os.getenv("THOR_SCHEDULER_MODE", "heartbeat") == "heartbeat":', "    return")), False),
    "os rebound after the entry point": (_case(_guard(*CANONICAL, main_bottom=("os = tg_sentinel.Compat()",))), False),
    "global write first": (_case(Feature("g", prefix=("global COUNTER", "COUNTER = 1")), _guard(*CANONICAL), kind="function"), False),
    "setdefault first": (
        _case(Feature("s", prefix=('os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")',)), _guard(*CANONICAL)),
        False,
    ),
    "wrapping decorator": (_case(_guard(*CANONICAL), Feature("d", decorators=("tg_sentinel.wrap",)), kind="function"), False),
    "shadowing package": (
        _case(
            _guard(*CANONICAL),
            Feature("p", files=(("main/__init__.py", "import tg_sentinel\n\n\nclass Service:\n    def start(self):\n        tg_sentinel.effect('shadow')\n"),)),
        ),
        False,
    ),
}


@pytest.fixture(scope="module")
def hand_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    names = list(HAND_CASES)
    results = evaluate([HAND_CASES[name][0] for name in names], tmp_path_factory.mktemp("hand"))
    return dict(zip(names, results))


@pytest.mark.parametrize("name", list(HAND_CASES))
def test_the_judge_tells_guarded_from_unguarded(hand_results: dict, name: str) -> None:
    result = hand_results[name]
    assert result.judgement.guarded is HAND_CASES[name][1], (result.judgement.reason, result.runs)


def test_the_permissive_scenario_reaches_the_body(hand_results: dict) -> None:
    runs = hand_results["canonical"].runs
    legacy = runs[0][8]  # scenario 0, THOR_SCHEDULER_MODE=legacy
    assert legacy[0] == ("AFTER_GUARD", "BODY", "thread") and legacy[1] == "return"


@pytest.fixture(scope="module")
def generated() -> list:
    return run_all(COUNT, SEED, jobs=2, batch_size=COUNT // 2)


def test_generated_cases_are_distinct_and_mixed(generated: list) -> None:
    summary = summarise(generated)
    assert summary.total == COUNT
    # Both kinds well represented, or the oracle proves little.
    assert summary.guarded >= COUNT // 5 and summary.total - summary.guarded >= COUNT // 5


def test_no_generated_case_is_accepted_unsoundly(generated: list) -> None:
    summary = summarise(generated)
    assert not summary.crashes, describe(summary.crashes[0])
    if summary.unsound:
        pytest.fail(f"{len(summary.unsound)} unsound verdicts; the first, minimised:\n{describe(minimise(summary.unsound[0]))}")


def test_generation_is_deterministic_and_distinct() -> None:
    from tests.check.generated.engine import _key, generate

    first = list(generate(60, 3))
    again = list(generate(60, 3))
    assert [case.files() for case in first] == [case.files() for case in again]
    # distinct as generate() promises: files, kind and the scenarios run (the same files may run other scenarios)
    assert len({_key(case) for case in first}) == 60


def _runs(per_value: dict) -> tuple:
    from tests.check.generated.model import VALUES

    return (tuple(per_value.get(value, ((), "return")) for value in VALUES),)


def test_judge_on_recorded_runs() -> None:
    from tests.check.generated.model import VALUES, heartbeat_world
    from tests.check.generated.oracle import judge

    case = _case(_guard(*CANONICAL))
    case = Case(case.kind, case.is_async, case.features, scenarios=(PERMISSIVE,))
    passed = (("AFTER_GUARD", "BODY", "thread"), "return")
    good = {value: passed for value in VALUES if not heartbeat_world(value)}
    assert judge(case, _runs(good)).guarded
    # An effect in one heartbeat-world value, a crash, one legacy value that exits, no legacy value getting through.
    assert "events ['x']" in judge(case, _runs({**good, "Heartbeat": (("x",), "return")})).reason
    assert "crash:KeyError" in judge(case, _runs({**good, None: ((), "crash:KeyError")})).reason
    assert "'bogus'" in judge(case, _runs({**good, "bogus": ((), "return")})).reason
    assert "never lets the run through" in judge(case, _runs({})).reason
    # What the body does after the guard is not judged.
    assert judge(case, _runs({**good, "legacy": (("AFTER_GUARD",), "crash:ValueError")})).guarded
