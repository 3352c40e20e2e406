"""One definition of the worlds: the heartbeat's predicate, its refusal messages and the verifier agree on every value."""

from __future__ import annotations

import textwrap
from pathlib import Path

import libcst as cst
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from libcst.metadata import MetadataWrapper

from heartbeat.mode import (
    ModeError,
    check_scheduler_mode,
    is_heartbeat_world,
    value_space,
)
from thor_guard.config import build_config
from thor_guard.verifier import VerifierContext, iter_functions, verify_function

REPO = Path(__file__).resolve().parents[2]
CONFIG = build_config({"preset": "none"}, root=REPO)


def test_the_predicate_is_unset_or_lower_equal() -> None:
    assert is_heartbeat_world(None) and is_heartbeat_world("heartbeat") and is_heartbeat_world("HeArTbEaT")
    for value in ("", " ", "heartbeat ", " heartbeat", "heartbeat\r", "legacy", "bogus"):
        assert not is_heartbeat_world(value), value


@pytest.mark.parametrize("row", value_space(), ids=lambda row: repr(row.value))
def test_the_heartbeat_refuses_exactly_the_legacy_world(row: object) -> None:
    environ = {} if row.value is None else {"THOR_SCHEDULER_MODE": row.value}  # type: ignore[attr-defined]
    if row.world == "heartbeat":  # type: ignore[attr-defined]
        check_scheduler_mode(CONFIG, environ)
        return
    with pytest.raises(ModeError) as info:
        check_scheduler_mode(CONFIG, environ)
    assert repr(row.value) in str(info.value)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("value", "words"),
    [("legacy", "legacy scheduler mode is active"), ("heartbeat ", "surrounding whitespace"), ("heartbeat\r", "carriage return"), ("", "(empty)"), ("hb", "is neither")],
)
def test_refusal_messages_name_the_kind_of_value(value: str, words: str) -> None:
    with pytest.raises(ModeError, match=None) as info:
        check_scheduler_mode(CONFIG, {"THOR_SCHEDULER_MODE": value})
    assert words in str(info.value)


def _verdict(body: str):  # type: ignore[no-untyped-def]
    source = "import os\nimport threading\n\ndef start():\n" + textwrap.indent(textwrap.dedent(body), "    ") + "    threading.Thread(target=print).start()\n"
    wrapper = MetadataWrapper(cst.parse_module(source))
    (qualname, function), = iter_functions(wrapper.module)
    return verify_function(wrapper, function, qualname, VerifierContext(module="m"))


def test_a_guard_is_accepted_only_if_it_exits_exactly_in_the_heartbeat_world() -> None:
    """Differential: a guard that exits iff the predicate holds is accepted; each single-value deviation is TG012/TG003/TG004/TG006."""
    values = [row.value for row in value_space()]
    assert _verdict('if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n    return\n').guarded
    for value in values:
        # Flip the guard's answer for exactly one value: the verifier must notice and name it.
        literal = "None" if value is None else repr(value)
        body = (
            'raw = os.environ.get("THOR_SCHEDULER_MODE")\n'
            f'hb = raw is None or raw.lower() == "heartbeat"\n'
            f"if raw == {literal}:\n    hb = not hb\n"
            "if hb:\n    return\n"
        )
        verdict = _verdict(body)
        assert not verdict.guarded, value
        message = " ".join(hit.message for hit in verdict.hits)
        if verdict.codes == {"TG012"}:
            assert repr(value) in message
        else:
            assert verdict.codes & {"TG003", "TG004", "TG006"}, (value, verdict.codes)


def test_docs_show_the_value_table() -> None:
    rules = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    for row in value_space():
        shown = "unset" if row.value is None else f"`{row.value!r}`"
        assert f"| {shown} | {row.kind} | {row.world} |" in rules
    assert "Which world a value selects" in (REPO / "docs" / "heartbeat.md").read_text(encoding="utf-8")


# -- values outside the table (issue 11, worlds item 1) -----------------------------------------------

OUTSIDE = REPO / "tests" / "data" / "check" / "worlds_outside_table.py"

_RUNNER = r'''
import importlib.util, json, os, sys, threading
spec = importlib.util.spec_from_file_location("case", sys.argv[1])
case = importlib.util.module_from_spec(spec)
spec.loader.exec_module(case)
started = []
threading.Thread.start = lambda self: started.append(1)  # the sentinel: the starter's side effect
names, values = json.loads(sys.argv[2]), json.loads(sys.argv[3])
results = {}
for name in names:
    owner, _, attribute = name.rpartition(".")
    target = getattr(getattr(case, owner)(), attribute) if owner else getattr(case, attribute)
    row = []
    for value in values:
        if value is None:
            os.environ.pop("THOR_SCHEDULER_MODE", None)
        else:
            os.environ["THOR_SCHEDULER_MODE"] = value
        del started[:]
        try:
            target()
        except Exception:
            pass
        row.append(bool(started))
    results[name] = row
print(json.dumps(results))
'''


def _starts(names: list[str], values: list[str | None]) -> dict[str, list[bool]]:
    """Run each function of the data case under each value in a real subprocess: did it start its thread?"""
    import json
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _RUNNER, str(OUTSIDE), json.dumps(names), json.dumps(values)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _outside_verdicts() -> dict[str, object]:
    wrapper = MetadataWrapper(cst.parse_module(OUTSIDE.read_text(encoding="utf-8")))
    context = VerifierContext(module="worlds_outside_table", path=OUTSIDE)
    return {q: verify_function(wrapper, f, q, context) for q, f in iter_functions(wrapper.module) if not q.startswith("_")}


# A value each flagged function really breaks on (executed below): the table alone has none of them.
BREAKING = {
    "length": "abc",
    "computed_slice": "heartbea",
    "second_prefix": "legacy",
    "second_equality_exits": "legacy",
    "second_equality_unrelated": "bogus",
    "slice_in_helper": "heart_x",
    "loop_over_mode": "xyz",
    "format_compare": "x",
    "Opaque.member": "legacy",
    "keyword_to_positional_only": "legacy",
}


def test_each_flagged_function_really_breaks_a_world() -> None:
    """Differential: under the named value the real function starts its thread iff that value is NOT the heartbeat world fails."""
    verdicts = _outside_verdicts()
    runs = _starts(list(BREAKING), list(BREAKING.values()))
    for index, (name, value) in enumerate(BREAKING.items()):
        assert not verdicts[name].guarded, name  # type: ignore[attr-defined]
        started = runs[name][index]
        assert started == is_heartbeat_world(value), (name, value, started)  # neither world (or both) runs


def _values_near(comparands: list[str], seed: int, count: int) -> list[str | None]:
    """The table, the comparands' spellings, and seeded mutations of them (prefixes, paddings, case flips, appended chars)."""
    import random

    rng = random.Random(seed)
    values: list[str | None] = [row.value for row in value_space()]
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ _-\r\t\n!ß"
    for _ in range(count):
        base = rng.choice(comparands)
        kind = rng.randrange(5)
        if kind == 0:
            value = base[: rng.randrange(len(base) + 1)]
        elif kind == 1:
            value = "".join(c.upper() if rng.random() < 0.5 else c for c in base)
        elif kind == 2:
            value = rng.choice(" \t\r\n") + base + rng.choice(["", " ", "\r"])
        elif kind == 3:
            value = base + rng.choice(alphabet)
        else:
            value = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 10)))
        values.append(value)
    return values


def test_every_accepted_function_gives_exactly_one_world_for_many_values() -> None:
    """Soundness beyond the table: each function the verifier accepts starts iff the value is not the heartbeat world."""
    verdicts = _outside_verdicts()
    accepted = [name for name, verdict in verdicts.items() if verdict.guarded and not name.startswith(("body_after", "match_unknown"))]  # type: ignore[attr-defined]
    assert {"computed_concat", "second_equality_harmless", "match_canonical", "bool_and_str", "keyword_to_positional_or_keyword"} <= set(accepted)
    values = _values_near(["heartbeat", "legacy", "heartbea", "leg", "abc"], seed=20261130, count=400)
    runs = _starts(accepted, values)
    wrong = [(name, value) for name in accepted for value, started in zip(values, runs[name]) if started == is_heartbeat_world(value)]
    assert wrong == []


# -- check --explain (issue 11, worlds item 3) ----------------------------------------------------------

_EXPLAINED = """\
import os
import threading


class Feed:
    def start(self):
        if self.disabled:
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() != "legacy":
            return
        threading.Thread(target=self.run, daemon=True).start()

    def canonical(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=self.run, daemon=True).start()

    def run(self):
        pass
"""


def _explain_project(tmp_path: Path) -> Path:
    (tmp_path / "services").mkdir()
    (tmp_path / "services" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "services" / "feed.py").write_text(_EXPLAINED, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.thor-guard]\npreset = "none"\nentry-points = ["services.feed:Feed.start", "services.feed:Feed.canonical"]\n', encoding="utf-8"
    )
    return tmp_path


def test_explain_names_the_deciding_rows_and_the_assumptions(tmp_path: Path) -> None:
    from tests.check.project import cli_runner
    from thor_guard.cli import cli

    root = _explain_project(tmp_path)
    result = cli_runner().invoke(cli, ["check", str(root), "--no-color", "--explain"])
    assert result.exit_code == 1, result.output
    start = result.stdout.split("explain services.feed:Feed.start:")[1]
    canonical = result.stdout.split("explain services.feed:Feed.canonical:")[1].split("explain ")[0]
    # The rejected guard: the rows that disagree (legacy-world values it returns for), each marked.
    assert start.startswith(" not guarded: TG012")
    assert "''                     empty            legacy     does not run the body (returns)   <- disagrees" in start
    assert "'legacy'" not in start.split("other values walked")[0]  # 'legacy' itself runs: not a deciding row
    assert "- loads an attribute (no side-effecting properties)" in start  # self.disabled
    # The proven guard: every row decides, each with the outcome its world requires, and no assumption.
    assert canonical.startswith(" guarded")
    for row in value_space():
        shown = "unset" if row.value is None else repr(row.value)
        wanted = "returns first" if row.world == "heartbeat" else "runs the body"
        assert any(line.split()[:1] and line.strip().startswith(shown) and line.rstrip().endswith(wanted) for line in canonical.splitlines()), shown
    assert "stated assumptions used: none" in canonical


def test_explain_keeps_a_machine_format_parseable(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    root = _explain_project(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "thor_guard", "check", str(root), "--format", "json", "--explain"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 1, done.stderr
    json.loads(done.stdout)  # stdout is only the report
    assert "explain services.feed:Feed.start: not guarded: TG012" in done.stderr


# -- property: an accepted guard expression gives exactly one world for arbitrary values ---------------


_LITERALS = st.sampled_from(["heartbeat", "HEARTBEAT", "Heartbeat", "legacy", "heartbea", "heart", "", " heartbeat", "hb", "abc"])
_TRANSFORMS = st.sampled_from(["", ".lower()", ".upper()", ".casefold()", ".strip()", ".strip().lower()", ".lower().strip()"])
_OPERATIONS = st.sampled_from(["== {l}", "!= {l}", "in ({l}, {m})", "not in ({l},)", "LEN", "PREFIX", "SLICE"])


@st.composite
def _tests(draw: st.DrawFn) -> str:
    transform, operation = draw(_TRANSFORMS), draw(_OPERATIONS)
    left, right = repr(draw(_LITERALS)), repr(draw(_LITERALS))
    value = f"mode{transform}"
    if operation == "LEN":
        return f"len({value}) == {draw(st.integers(0, 10))}"
    if operation == "PREFIX":
        return f"{value}.startswith({left})"
    if operation == "SLICE":
        return f"{value}[:{draw(st.integers(1, 9))}] == {left}"
    return f"{value} {operation.format(l=left, m=right)}"


_CORRECT = st.sampled_from([
    'mode.lower() == "heartbeat"', 'mode.casefold() in ("heartbeat",)', 'mode.upper() == "HEARTBEAT"',
    'not mode.lower() != "heartbeat"', '"heartbeat" == mode.lower()', 'mode.lower() in ("heartbeat", "heartbeat")',
])


@st.composite
def _guards(draw: st.DrawFn) -> str:
    """A correct core (half of the time) combined with random tests, some outside what the table decides."""
    tests = draw(st.lists(_tests(), min_size=0 if draw(st.booleans()) else 1, max_size=2))
    if draw(st.booleans()) or not tests:
        tests.insert(draw(st.integers(0, len(tests))), draw(_CORRECT))
    joiner = draw(st.sampled_from([" or ", " and "]))
    condition = joiner.join(f"({t})" for t in tests)
    return f"not (not ({condition}))" if draw(st.booleans()) else condition


def _guard_module(conditions: list[str]) -> str:
    lines = ["import os", "import threading", ""]
    for index, condition in enumerate(conditions):
        lines += [
            f"def g{index}():",
            '    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat")',
            f"    if {condition}:",
            "        return",
            "    threading.Thread(target=print).start()",
            "",
        ]
    return "\n".join(lines) + "\n"


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture], derandomize=True)
@given(st.lists(_guards(), min_size=20, max_size=20), st.lists(st.text(st.sampled_from("heartbeatlgcyHEARTBEATLGCY _\r\t-ß"), max_size=11), min_size=40, max_size=40))
def test_property_accepted_guards_give_exactly_one_world(tmp_path_factory: pytest.TempPathFactory, conditions: list[str], texts: list[str]) -> None:
    """Any guard the verifier accepts exits iff the heartbeat's predicate holds, for the table, the drawn texts and mutations."""
    import json
    import subprocess
    import sys

    source = _guard_module(conditions)
    wrapper = MetadataWrapper(cst.parse_module(source))
    context = VerifierContext(module="guards")
    accepted = [q for q, f in iter_functions(wrapper.module) if verify_function(wrapper, f, q, context).guarded]
    if not accepted:
        return
    path = tmp_path_factory.mktemp("guards") / "guards.py"
    path.write_text(source, encoding="utf-8")
    values = list(dict.fromkeys([*_values_near(["heartbeat", "legacy", "heartbea", "heart", "abc"], seed=len(texts), count=60), *texts]))
    done = subprocess.run(
        [sys.executable, "-c", _RUNNER, str(path), json.dumps(accepted), json.dumps(values)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    runs = json.loads(done.stdout)
    wrong = [(name, conditions[int(name[1:])], value) for name in accepted for value, started in zip(values, runs[name]) if started == is_heartbeat_world(value)]
    assert wrong == [], wrong[:3]
