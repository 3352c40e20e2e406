"""A verdict walk shared among values of the mode variable gives exactly the verdicts of one walk per value.

:mod:`thor_guard.verifier.value_classes` lets one walk serve every value whose
observations of the text come out the same. These tests check the
observations themselves, and that sharing changes no verdict: every data case
of ``tests/data/check`` and the explicit oracle table are verified with
sharing switched off and again with sharing on *and* every shared value walked
again for real (``VERIFY_SHARED_WALKS``: a shared walk that differs from the
value's own walk raises). A hypothesis test builds guards from the
transforms, comparisons and truth tests the value table decides.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import libcst as cst
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from libcst.metadata import MetadataWrapper

from tests.check import oracle_cases
from tests.check.project import project_config
from tests.check.test_v2_data import _cases, _expectations, copy_case
from thor_guard.check import run_check
from thor_guard.verifier import HelperResolver, VerifierContext, iter_functions, verdict
from thor_guard.verifier.value_classes import SharedWalk, holds, transformed
from thor_guard.verifier.values import MODE_DERIVED, REGULAR_TRANSFORMS, ModeText, mode_compare, mode_method, observing


def _observed(action) -> list[tuple]:  # type: ignore[no-untyped-def, type-arg]
    into: list[tuple] = []  # type: ignore[type-arg]
    previous = observing(into)
    try:
        action()
    finally:
        observing(previous)
    return into


def test_comparisons_and_truth_note_what_they_decide() -> None:
    lowered = mode_method(ModeText(" HeartBeat"), "lower", [], {})
    stripped = mode_method(lowered, "strip", [], {})
    assert isinstance(stripped, ModeText) and stripped.chain == ("lower", "strip")
    assert _observed(lambda: mode_compare("==", stripped, "heartbeat", set())) == [("eq", ("lower", "strip"), "heartbeat", True)]
    assert _observed(lambda: mode_compare("in", lowered, ("a", "b"), set())) == [("in", ("lower",), ("a", "b"), False)]
    assert _observed(lambda: bool(lowered)) == [("truth", ("lower",), True)]
    assert _observed(lambda: lowered == stripped) == [("same", ("lower",), ("lower", "strip"), False)]
    # A comparison with a non-string is False whatever the text: nothing is read.
    assert _observed(lambda: mode_compare("==", stripped, 5, set())) == []


@pytest.mark.parametrize(
    "operation",
    [len, hash, str, repr, lambda m: m[0], lambda m: m + "x", lambda m: "x" + m, lambda m: "%s" % m, lambda m: f"{m}", lambda m: m.startswith("h"), lambda m: "e" in m, list, lambda m: m < "z", lambda m: m * 2],
)
def test_every_other_read_of_the_text_notes_it_exactly(operation) -> None:  # type: ignore[no-untyped-def]
    text = mode_method(ModeText("Heartbeat"), "lower", [], {})
    assert ("exact", ("lower",), "heartbeat") in _observed(lambda: operation(text))


def test_a_form_of_unknown_origin_is_opaque() -> None:
    text = ModeText("heartbeat", None)
    assert _observed(lambda: text == "heartbeat") == [("opaque",)]
    assert not holds(("opaque",), "heartbeat")


def test_not_recording_notes_nothing_and_the_text_behaves_as_a_str() -> None:
    text = ModeText(" Heartbeat", ("strip",))
    assert text == " Heartbeat" and hash(text) == hash(" Heartbeat") and "x" + text == "x Heartbeat" and len(text) == 10
    assert pickle.loads(pickle.dumps(text)) == text


@given(st.text(alphabet=" \t\r\nhHeEaArRtTbBlLgGcCyY", max_size=12), st.lists(st.sampled_from(sorted(REGULAR_TRANSFORMS)), max_size=3))
@settings(max_examples=200, deadline=None)
def test_replaying_an_observation_on_its_own_value_holds(raw: str, chain: list[str]) -> None:
    text: object = ModeText(raw)
    for name in chain:
        text = mode_method(text, name, [], {})
    assert transformed(raw, tuple(chain)) == text
    for observation in _observed(lambda: (bool(text), text == "heartbeat", mode_compare("in", text, ("legacy", "heartbeat"), set()), len(text))):  # type: ignore[arg-type]
        assert holds(observation, raw)


def test_a_shared_walk_covers_only_values_every_observation_agrees_on() -> None:
    walk = SharedWalk([("eq", ("lower",), "heartbeat", True)], [], frozenset(), {}, {}, [])
    assert walk.covers("HEARTBEAT") and walk.covers("Heartbeat")
    assert not walk.covers("heartbeat ") and not walk.covers("legacy")
    assert not walk.covers(None)


def _findings(result) -> list[tuple]:  # type: ignore[no-untyped-def, type-arg]
    return sorted((f.entry_point, f.code, f.message, f.line, f.column) for f in result.findings)


def _tables(result) -> dict[str, tuple]:  # type: ignore[no-untyped-def, type-arg]
    return {key: (v.table, v.assumptions, v.guard_index, v.env_var_read) for key, v in result.verdicts.items()}


def _both_ways(monkeypatch: pytest.MonkeyPatch, run):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(verdict, "SHARE_WALKS", False)
    unshared = run()
    monkeypatch.setattr(verdict, "SHARE_WALKS", True)
    monkeypatch.setattr(verdict, "VERIFY_SHARED_WALKS", True)  # every shared value is walked again and compared
    shared = run()
    return unshared, shared


@pytest.mark.parametrize("case", _cases())
def test_sharing_changes_no_verdict_of_a_data_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: Path) -> None:
    root = copy_case(case, tmp_path)
    entries = [f"{e.module}:{e.qualname}" for path in sorted(root.rglob("*.py")) for e in _expectations(root, path)]
    config = project_config(root, {}, {"preset": "none", "entry-points": entries})
    unshared, shared = _both_ways(monkeypatch, lambda: run_check([root], config))
    assert _findings(shared) == _findings(unshared)
    assert _tables(shared) == _tables(unshared)


def test_sharing_changes_no_verdict_of_the_oracle_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    variants = oracle_cases.variants(sample=250)
    (tmp_path / "oracle_helpers.py").write_text(oracle_cases.helpers_source(variants), encoding="utf-8")
    source = oracle_cases.module_source(variants)
    (tmp_path / "oracle_mod.py").write_text(source, encoding="utf-8")

    def run() -> dict[str, tuple]:  # type: ignore[type-arg]
        wrapper = MetadataWrapper(cst.parse_module(source), unsafe_skip_copy=True)
        context = VerifierContext(module="oracle_mod", path=tmp_path / "oracle_mod.py", stale_flags=("HEARTBEAT_ENABLED",), resolver=HelperResolver((tmp_path,)))
        found = {}
        for qualname, function in iter_functions(wrapper.module):
            if qualname.startswith("v") and qualname[1:].isdigit():
                v = verdict.verify_function(wrapper, function, qualname, context)
                found[qualname] = (tuple((h.code, h.message) for h in v.hits), v.table, v.assumptions, v.guard_index)
        return found

    unshared, shared = _both_ways(monkeypatch, run)
    assert shared == unshared
    assert len(shared) == len(variants)


_TRANSFORMS = ("", ".lower()", ".upper()", ".strip()", ".casefold()", ".lower().strip()", ".rstrip()")
_TESTS = (
    'mode == "heartbeat"',
    'mode != "legacy"',
    'mode in ("heartbeat", "on")',
    "not mode",
    'mode == "HEARTBEAT" or mode == "heartbeat"',
    'mode and mode != "legacy"',
    'mode == other',
    'len(mode) == 9',
    'mode.startswith("heart")',
)


@given(st.lists(st.tuples(st.sampled_from(_TRANSFORMS), st.sampled_from(_TRANSFORMS), st.sampled_from(_TESTS), st.booleans()), min_size=1, max_size=4))
@settings(max_examples=40, deadline=None)
def test_generated_guards_get_the_same_verdict_shared_or_not(guards: list[tuple[str, str, str, bool]]) -> None:
    """Functions built from several tests on transformed forms of the value (and two forms compared): the verdict
    and the table of values are the same with one walk per value and with shared walks (each re-walked and compared)."""
    lines = ["import os", "import threading", ""]
    for index, (first, second, test, exits) in enumerate(guards):
        lines += [
            f"def start_{index}(flag=None):",
            f'    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat"){first}',
            f"    other = mode{second}" if test == "mode == other" else "    other = None",
            "    if flag:",
            "        mode = mode.lower()",
            f"    if {test}:",
            "        return" if exits else "        pass",
            "    threading.Thread(target=print).start()",
            "",
        ]
    source = "\n".join(lines)

    def run() -> list[tuple]:  # type: ignore[type-arg]
        wrapper = MetadataWrapper(cst.parse_module(source), unsafe_skip_copy=True)
        context = VerifierContext(module="generated")
        found = []
        for qualname, function in iter_functions(wrapper.module):
            v = verdict.verify_function(wrapper, function, qualname, context)
            found.append((qualname, tuple((h.code, h.message) for h in v.hits), v.table, v.guard_index))
        return found

    previous = verdict.SHARE_WALKS, verdict.VERIFY_SHARED_WALKS
    try:
        verdict.SHARE_WALKS, verdict.VERIFY_SHARED_WALKS = False, False
        unshared = run()
        verdict.SHARE_WALKS, verdict.VERIFY_SHARED_WALKS = True, True
        shared = run()
    finally:
        verdict.SHARE_WALKS, verdict.VERIFY_SHARED_WALKS = previous
    assert shared == unshared


def test_mode_derived_stays_undecided() -> None:
    """Sanity: an operation the table cannot decide still gives MODE_DERIVED (sharing changes no value)."""
    assert mode_method(ModeText("heartbeat"), "startswith", ["h"], {}) is MODE_DERIVED
