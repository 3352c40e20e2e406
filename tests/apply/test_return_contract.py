"""The inserted guard's exit keeps the function's return contract, or the function is left for a person (RA-6).

A bare ``return`` is only right when the function can already give None. ``-> int``, ``-> list[...]``, or
every ``return`` giving a value with no way to end without one: the skipped call must return what an
existing heartbeat check in the body already returns, or a person decides. Checked three ways: the
fall-through analysis against real execution (hypothesis), the outcome lines through the CLI, and the
fixed modules executed before and after in a subprocess.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import libcst as cst
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from codemods.bindings import Unresolvable
from codemods.contract import exit_statement, heartbeat_exit_value, may_end_without_return
from thor_guard.apply import transform_source
from thor_guard.cli import cli
from thor_guard.config import build_config

FELL_OFF = "fell off"


def _function(source: str) -> cst.FunctionDef:
    node = cst.parse_module(textwrap.dedent(source)).body[0]
    assert isinstance(node, cst.FunctionDef)
    return node


# -- the fall-through analysis, against execution -------------------------------------------------


def _block(draw: st.DrawFn, depth: int) -> list[str]:
    size = draw(st.integers(1, 3))
    return [line for _ in range(size) for line in _statement(draw, depth)]


def _indent(lines: list[str]) -> list[str]:
    return ["    " + line for line in lines]


def _statement(draw: st.DrawFn, depth: int) -> list[str]:
    # every decision is its own 'choose()' call: the analysis never correlates conditions, and the
    # exploration below tries every sequence of decisions a run can meet
    simple = ["return 1", "raise ValueError('x')", "pass", "check(choose())", "sys.exit(3)"]
    kinds = ["simple"] if depth >= 3 else ["simple", "simple", "if", "if_else", "while_true", "for", "try", "with", "match"]
    kind = draw(st.sampled_from(kinds))
    if kind == "simple":
        return [draw(st.sampled_from(simple))]
    if kind == "if":
        return ["if choose():", *_indent(_block(draw, depth + 1))]
    if kind == "if_else":
        return ["if choose():", *_indent(_block(draw, depth + 1)), "else:", *_indent(_block(draw, depth + 1))]
    if kind == "while_true":
        body = _block(draw, depth + 1)
        if draw(st.booleans()):
            body = ["if choose():", "    break", *body]
        return ["while True:", *_indent(body)]
    if kind == "for":
        lines = ["for _ in range(choose()):", *_indent(_block(draw, depth + 1))]
        if draw(st.booleans()):
            lines += ["else:", *_indent(_block(draw, depth + 1))]
        return lines
    if kind == "try":
        # the body starts with a call that may raise, as real code does: a handler is reachable
        lines = ["try:", *_indent(["check(choose())", *_block(draw, depth + 1)]), "except ValueError:", *_indent(_block(draw, depth + 1))]
        if draw(st.booleans()):
            lines += ["finally:", *_indent(_block(draw, depth + 1))]
        return lines
    if kind == "with":
        return ["with contextlib.nullcontext():", *_indent(_block(draw, depth + 1))]
    return ["match choose():", "    case True:", *_indent(_indent(_block(draw, depth + 1))), "    case _:", *_indent(_indent(_block(draw, depth + 1)))]


@st.composite
def bodies(draw: st.DrawFn) -> str:
    return "\n".join(_block(draw, 0))


class _Choices:
    """Answers ``choose()`` from a prefix of decisions, then False; records what it answered."""

    def __init__(self, prefix: tuple[bool, ...]) -> None:
        self.prefix = prefix
        self.taken: list[bool] = []

    def __call__(self) -> bool:
        index = len(self.taken)
        value = self.prefix[index] if index < len(self.prefix) else False
        self.taken.append(value)
        return value


MAX_RUNS = 4000


def _outcomes(body: str) -> set[str] | None:
    """What the function gives on every sequence of decisions (depth-first), or None past ``MAX_RUNS`` runs.

    ``while True`` is bounded to three rounds in the run (the analysis reads the source as written).
    """
    executable = body.replace("while True:", "while tick():")
    namespace: dict[str, object] = {}
    prelude = (
        "import contextlib, sys\n"
        "def check(flag):\n    if flag:\n        raise ValueError('checked')\n"
        "class Ticks:\n    n = 0\n"
        "def tick():\n    Ticks.n += 1\n    if Ticks.n > 3:\n        raise TimeoutError\n    return True\n"
    )
    exec(prelude + "def f(choose):\n" + textwrap.indent(executable, "    ") + f"\n    return {FELL_OFF!r}\n", namespace)
    seen: set[str] = set()
    pending: list[tuple[bool, ...]] = [()]
    runs = 0
    while pending:
        runs += 1
        if runs > MAX_RUNS:
            return None
        prefix = pending.pop()
        choices = _Choices(prefix)
        namespace["Ticks"].n = 0  # type: ignore[attr-defined]
        try:
            seen.add(repr(namespace["f"](choices)))  # type: ignore[operator]
        except (ValueError, TimeoutError, SystemExit) as exc:
            seen.add(type(exc).__name__)
        pending.extend((*choices.taken[:i], True) for i in range(len(prefix), len(choices.taken)))
    return seen


@settings(max_examples=250, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies())
def test_end_is_only_called_reachable_when_a_run_reaches_it(body: str) -> None:
    """When the analysis says the end is reachable (so a bare return keeps the contract), some run reaches it."""
    function = _function("def f(choose):\n" + textwrap.indent(body, "    ") + "\n")
    outcomes = _outcomes(body)
    assume(outcomes is not None)
    assert outcomes is not None
    if may_end_without_return(function.body):
        assert repr(FELL_OFF) in outcomes, body


@pytest.mark.parametrize(
    "body",
    [
        "while True:\n    pass",
        "try:\n    check(choose())\n    return 1\nfinally:\n    return 2",
        "if choose():\n    return 1\nelse:\n    raise ValueError",
        "for _ in range(choose()):\n    pass\nelse:\n    return 1",
        "return 1\npass",
        "while True:\n    if choose():\n        continue\n    return 1",
        "sys.exit(3)",
        "with contextlib.nullcontext():\n    return 1",
    ],
)
def test_ends_that_cannot_be_reached(body: str) -> None:
    function = _function("def f(choose):\n" + textwrap.indent(body, "    ") + "\n")
    assert not may_end_without_return(function.body)
    outcomes = _outcomes(body)
    assert outcomes is not None and repr(FELL_OFF) not in outcomes


# -- which exit ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def f(x):\n    if x:\n        return 1\n", "return"),
        ("def f(x):\n    if x:\n        return\n    return 1\n", "return"),
        ("def f(x) -> None:\n    return\n", "return"),
        ("def f(x) -> 'Optional[int]':\n    return 1\n", "return None"),
        ("def f(x) -> bool:\n    return x\n", "return False"),
        ("def f(x):\n    return True\n", "return False"),
        ("def f(x):\n    while True:\n        x()\n", "return"),
        ("def f(x):\n    yield x\n    return 1\n", "return"),
        (
            "def f(x) -> str:\n    for i in x:\n        if os.environ['THOR_SCHEDULER_MODE'].lower() == 'heartbeat':\n"
            "            return 'skipped'\n    return 'ran'\n",
            "return 'skipped'",
        ),
        (
            "def f(x):\n    mode = os.getenv('THOR_SCHEDULER_MODE', '')\n    x()\n    if mode in {'HEARTBEAT', 'x'}:\n"
            "        return (0, None)\n    return (1, None)\n",
            "return (0, None)",
        ),
    ],
)
def test_exit_statement(source: str, expected: str) -> None:
    assert exit_statement(_function(source)) == expected


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("def f(x) -> int:\n    return 1\n", "annotated '-> int'"),
        ("def f(x) -> list[Thread]:\n    x()\n", "annotated '-> list[Thread]'"),
        ("def f(x):\n    x()\n    return x\n", "every 'return' in it gives a value ('return x')"),
        ("def f(x):\n    while True:\n        if x():\n            return 2\n", "every 'return'"),
        ("def f(x) -> NoReturn:\n    while True:\n        x()\n", "never returns"),
        # a heartbeat check that computes its value runs code: not reused
        ("def f(x) -> list:\n    if os.getenv('THOR_SCHEDULER_MODE') == 'heartbeat':\n        return list(x)\n    return []\n", "-> list"),
        # a check for the legacy value is not the heartbeat's answer
        ("def f(x) -> str:\n    if os.getenv('THOR_SCHEDULER_MODE') == 'legacy':\n        return 'ran'\n    return 'skipped'\n", "-> str"),
    ],
)
def test_value_contract_without_a_heartbeat_value_is_for_a_person(source: str, reason: str) -> None:
    with pytest.raises(Unresolvable, match=reason.replace("[", r"\[").replace("(", r"\(").replace(")", r"\)")):
        exit_statement(_function(source))


def test_disagreeing_heartbeat_checks_give_no_value() -> None:
    source = (
        "def f(x):\n    if x:\n        if os.getenv('THOR_SCHEDULER_MODE') == 'heartbeat':\n            return 'a'\n"
        "    elif os.getenv('THOR_SCHEDULER_MODE') == 'heartbeat':\n        return 'b'\n    return 'c'\n"
    )
    assert heartbeat_exit_value(_function(source), "THOR_SCHEDULER_MODE", "heartbeat") is None


def test_configured_variable_and_value_are_used() -> None:
    source = "def f(x) -> str:\n    x()\n    if os.getenv('APP_MODE') == 'loop':\n        return 'skipped'\n    return 'ran'\n"
    assert exit_statement(_function(source), "APP_MODE", "loop") == "return 'skipped'"
    with pytest.raises(Unresolvable):
        exit_statement(_function(source))


# -- through the CLI and a real run ----------------------------------------------------------------------

MODULE = '''\
import logging
import os

from sentinel import effect

logger = logging.getLogger(__name__)


def start_count() -> int:
    effect("count")
    return 3


def start_values(flag=False):
    effect("values")
    if flag:
        return "one"
    return "two"


def start_in_loop():
    for attempt in range(2):
        effect("attempt", attempt)
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            logger.info("skip")
            return "skipped"
    return "ran"


def start_maybe(flag=False):
    effect("maybe")
    if flag:
        return "started"
'''
SENTINEL = "LOG = []\n\n\ndef effect(*args):\n    LOG.append(args)\n"
RUN = """
import importlib, json, sys
sys.path.insert(0, sys.argv[1])
import sentinel
out = {}
for name in ("start_count", "start_values", "start_in_loop", "start_maybe"):
    sentinel.LOG.clear()
    module = importlib.import_module("m")
    out[name] = [repr(getattr(module, name)()), [list(e) for e in sentinel.LOG]]
print(json.dumps(out))
"""


def _run(directory: Path, mode: str | None) -> dict[str, list[object]]:
    env = {"PATH": "/usr/bin:/bin"}
    if mode is not None:
        env["THOR_SCHEDULER_MODE"] = mode
    done = subprocess.run([sys.executable, "-c", RUN, str(directory)], capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout)


def test_cli_prints_the_reason_and_the_fixed_functions_keep_their_results(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[tool.thor-guard]\npreset = "none"\nentry-points = ["m:start_*"]\n')
    (project / "m.py").write_text(MODULE)
    (project / "sentinel.py").write_text(SENTINEL)
    before = {mode: _run(project, mode) for mode in (None, "legacy", "heartbeat")}
    result = CliRunner().invoke(cli, ["apply", str(project)], catch_exceptions=False)
    assert result.exit_code == 1, result.output  # two functions need a person
    lines = result.output.splitlines()
    assert any("m.py:9:5: TG001 needs a person: the function returns a value (it is annotated '-> int')" in line for line in lines), lines
    assert any(
        "m.py:14:5: TG001 needs a person: the function returns a value (every 'return' in it gives a value" in line
        and line.endswith("(m:start_values)")
        for line in lines
    ), lines
    assert any(line.startswith("fixed ") and "(start_in_loop, start_maybe)" in line for line in lines), lines
    after = {mode: _run(project, mode) for mode in (None, "legacy", "heartbeat")}
    assert after["legacy"] == before["legacy"]
    for mode in (None, "heartbeat"):
        # the functions left alone behave as before; the fixed ones return what the contract allows, at once
        assert after[mode]["start_count"] == before[mode]["start_count"]
        assert after[mode]["start_values"] == before[mode]["start_values"]
        assert after[mode]["start_in_loop"] == ["'skipped'", []]
        assert before[mode]["start_in_loop"][0] == "'skipped'"  # the value the original gave in this world too
        assert after[mode]["start_maybe"] == ["None", []]
    check = CliRunner().invoke(cli, ["check", "--no-cache", str(project)])
    assert "start_in_loop" not in check.output and "start_maybe" not in check.output, check.output


def test_transform_reports_the_reused_value() -> None:
    config = build_config({"preset": "none", "entry-points": ["m:start_in_loop"]}, root=Path("/generated"))
    result = transform_source(Path("/generated/m.py"), "m", MODULE.encode(), config, None)
    [outcome] = result.functions
    assert outcome.action == "fixed"
    assert "return \"skipped\"" in outcome.detail and "nested in a 'for' statement" in outcome.detail
    assert b'        return "skipped"\n    for attempt' in result.updated
