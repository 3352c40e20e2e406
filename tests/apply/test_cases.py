"""Every before/after pair in ``tests/data/apply`` (see :mod:`tests.apply.cases` for the format)."""

from __future__ import annotations

import pytest

from tests.apply.cases import Case, all_cases
from tests.apply.invariants import FIXABLE, changes_outside_targets, remaining_codes

CASES = all_cases()


@pytest.fixture(params=CASES, ids=[c.name for c in CASES])
def case(request: pytest.FixtureRequest) -> Case:
    return request.param


def test_output_matches_expected_bytes(case: Case) -> None:
    result = case.run()
    assert result.error is None
    expected = case.source if case.expected is None else case.expected
    assert result.updated == expected


def test_needs_a_person_exactly_as_declared(case: Case) -> None:
    result = case.run()
    reported = {code for f in result.functions if f.action == "needs-person" for code in f.codes}
    assert reported == case.person
    for function in result.functions:
        assert function.detail, "every outcome says what was done or why not"


def test_second_run_changes_nothing(case: Case) -> None:
    once = case.run().updated
    twice = case.run(once)
    assert twice.updated == once
    assert not [f for f in twice.functions if f.action == "fixed"]


def test_output_compiles_and_verifier_is_satisfied(case: Case) -> None:
    result = case.run()
    compile(result.updated, str(case.path), "exec", dont_inherit=True)
    selected = FIXABLE if case.select is None else FIXABLE & case.select
    remaining = remaining_codes(case.config(), case.module, case.path, result.updated)
    assert remaining, "the case targets at least one function"
    if not case.person:
        assert {q: c & selected for q, c in remaining.items() if c & selected} == {}


def test_no_byte_changes_outside_targeted_functions(case: Case) -> None:
    result = case.run()
    assert changes_outside_targets(case.config(), case.module, case.source, result.updated) == []


def test_expected_files_have_an_input() -> None:
    from tests.apply.cases import DATA

    for expected in DATA.glob("*.expected.py"):
        assert expected.with_name(expected.name.replace(".expected.py", ".py")).exists(), expected.name
