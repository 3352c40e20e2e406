"""Invariants of apply over generated modules (hypothesis, derandomized so every run is the same).

For every generated module: the output compiles; the verifier reports none
of TG001-TG004/TG007 for the targeted functions; a second apply changes
nothing; and no byte outside the targeted functions changes except the added
imports, logger and blank lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.apply.invariants import FIXABLE, changes_outside_targets, remaining_codes
from thor_guard.apply import transform_source
from thor_guard.config import Config, build_config

MODULE = "generated.mod"
PATH = Path("/generated/mod.py")

# Guards as they appear in real code bases, in the order issue 2 lists them; "{i}" is the body indent.
GUARDS = {
    "none": "",
    "canonical": 'scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()\n'
    'if scheduler_mode == "heartbeat":\n{i}logger.debug("skip")\n{i}return{ret}\n',
    "getenv": 'if os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n{i}return{ret}\n',
    "stale": 'if os.getenv("HEARTBEAT_ENABLED", "").lower() in {{"1", "true", "yes"}}:\n{i}logger.info("flag %s", "on".upper())\n{i}return{ret}\n',
    "misspelled": 'if os.environ.get("THOR_SCHEDULR_MODE", "heartbeat").lower() == "heartbeat":\n{i}return{ret}\n',
    "no_default": 'if os.environ.get("THOR_SCHEDULER_MODE") == "heartbeat":\n{i}return{ret}\n',
    "no_lower": 'if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat") == "heartbeat":\n{i}return{ret}\n',
    "subscript": 'if os.environ["THOR_SCHEDULER_MODE"].lower() == "heartbeat":\n{i}return{ret}\n',
    "via_local": 'mode = os.environ.get("THOR_SCHEDULER_MODE")\nif mode == "heartbeat":\n{i}return{ret}\n',
}
EFFECTS = [
    "threading.Thread(target=print).start()\n",
    "self_check = len([1, 2])\nthreading.Timer(1.0, print).start()\n",
    "for market in ('ES', 'NQ'):\n{i}threading.Thread(target=print, name=market).start()\n",
]


@dataclass(frozen=True)
class Function:
    name: str
    guard: str
    late: bool
    docstring: bool
    comment: bool
    annotation: str
    effect: int
    is_async: bool
    one_line: bool


@dataclass(frozen=True)
class Module:
    os_import: str
    logger: str
    indent: str
    newline: str
    in_class: bool
    functions: tuple[Function, ...]
    trailing_newline: bool


def _function_source(f: Function, indent: str) -> str:
    ret = " False" if f.annotation == " -> bool" else ""
    prefix = "async def" if f.is_async else "def"
    params = "self" if f.name.startswith("m_") else ""
    head = f"{prefix} {f.name}({params}){f.annotation}:"
    effect = EFFECTS[f.effect].replace("{i}", indent)
    if f.one_line and f.guard == "none" and f.effect == 0:
        return f"{head} {effect}"
    lines: list[str] = []
    if f.docstring:
        lines.append(f'"""Start {f.name}."""\n')
    if f.comment:
        lines.append("# The comment above the first statement.\n")
    guard = GUARDS[f.guard].replace("{i}", indent).replace("{ret}", ret)
    guard = guard.format() if "{{" in guard else guard
    if f.late and guard:
        lines.append("prepared = len(str(1))\n")
    lines.append(guard)
    lines.append(effect)
    if f.annotation == " -> bool":
        lines.append("return True\n")
    body = "".join(lines)
    body_lines = [indent + line if line.strip() else line for line in body.splitlines(keepends=True)]
    return head + "\n" + "".join(body_lines)


def module_source(m: Module) -> bytes:
    header = {
        "import os": "import os\n",
        "alias": "import os as _os\nos = _os\n",
        "environ": "from os import environ, getenv\nimport os\n",
        "none": "import os\n",
    }[m.os_import]
    parts = ["import logging\nimport threading\n", header]
    if m.logger:
        parts.append(f"\n{m.logger} = logging.getLogger(__name__)\n")
    parts.append("\n\n")
    functions = [_function_source(f, m.indent) for f in m.functions]
    if m.in_class:
        parts.append("class Service:\n")
        parts.append("".join(
            "".join(m.indent + line if line.strip() else line for line in fn.splitlines(keepends=True)) + "\n" for fn in functions
        ))
    else:
        parts.append("\n\n".join(functions))
    text = "".join(parts)
    text = text.replace("logger.", f"{m.logger or 'logging'}.")
    if not m.trailing_newline:
        text = text.rstrip("\n")
    return text.replace("\n", m.newline).encode()


names = st.sampled_from(["start", "start_capture", "on_market_open", "_start_services", "run_loop"])
functions = st.builds(
    Function,
    name=names,
    guard=st.sampled_from(sorted(GUARDS)),
    late=st.booleans(),
    docstring=st.booleans(),
    comment=st.booleans(),
    annotation=st.sampled_from(["", " -> None", " -> bool", " -> 'int | None'"]),
    effect=st.integers(0, len(EFFECTS) - 1),
    is_async=st.booleans(),
    one_line=st.booleans(),
)
modules = st.builds(
    Module,
    os_import=st.sampled_from(["import os", "alias", "environ", "none"]),
    logger=st.sampled_from(["logger", "log", "_logger", ""]),
    indent=st.sampled_from(["    ", "  ", "\t"]),
    newline=st.sampled_from(["\n", "\r\n"]),
    in_class=st.booleans(),
    functions=st.lists(functions, min_size=1, max_size=4, unique_by=lambda f: f.name).map(tuple),
    trailing_newline=st.booleans(),
)


@cache
def config() -> Config:
    table = {"preset": "none", "entry-points": [f"{MODULE}:*start*", f"{MODULE}:*on_market_*"], "stale-flags": ["HEARTBEAT_ENABLED"]}
    return build_config(table, root=Path("/generated"))


@settings(max_examples=40, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(modules)
def test_apply_invariants(module: Module) -> None:
    source = module_source(module)
    compile(source, "generated", "exec", dont_inherit=True)
    result = transform_source(PATH, MODULE, source, config(), None)
    assert result.error is None
    for outcome in result.functions:
        event(f"{outcome.action} {','.join(outcome.codes)}")
    compile(result.updated, "generated", "exec", dont_inherit=True)

    remaining = remaining_codes(config(), MODULE, PATH, result.updated)
    left_for_a_person = {f.entry_point.split(":")[1] for f in result.functions if f.action == "needs-person"}
    assert {q: c & FIXABLE for q, c in remaining.items() if c & FIXABLE and q not in left_for_a_person} == {}

    again = transform_source(PATH, MODULE, result.updated, config(), None)
    assert again.updated == result.updated

    assert changes_outside_targets(config(), MODULE, source, result.updated) == []
