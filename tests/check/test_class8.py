"""Classes and values (review 7: R7-10, R7-11, R7-12, R7-1, R7-6): what Python runs implicitly on project objects.

The ``class8_*`` data cases are executed in subprocesses with ``threading.Thread.start`` replaced by a sentinel, by
a caller that formats what the entry point raises: every entry point ``check`` accepts does nothing in the
heartbeat world, and every TG002 really starts a thread.
A hypothesis property compares the verifier's inherited-property lookup with the method resolution order Python
itself computes for generated class hierarchies.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import libcst as cst
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from libcst.metadata import MetadataWrapper

from tests.check.test_effect_differential import RUNNER, _entries
from tests.check.test_v2_data import DATA, copy_case
from thor_guard.verifier import VerifierContext, iter_functions, verify_function

REPORTING_RUNNER = RUNNER.replace(
    "    except (Exception, SystemExit):",
    "    except (Exception, SystemExit) as exc:\n        str(exc), repr(exc)\n"
    "        try:\n            __import__('traceback').format_exception(exc)\n        except Exception:\n            pass",
)
"""The differential runner, with a caller that reports what the entry point raises as Django's logging does: its
str() and repr(), and the traceback ``logger.exception`` formats (which reads a SyntaxError's ``filename``…)."""
assert REPORTING_RUNNER != RUNNER

NOT_IMPORTABLE = frozenset({"class8_mro_inconsistent"})
"""Cases whose module Python cannot import (the point of the case): judged statically only."""


def _run(root: Path, entries: list[tuple[str, str]], mode: str | None) -> dict[str, bool]:
    env = {k: v for k, v in os.environ.items() if k != "THOR_SCHEDULER_MODE"}
    if mode is not None:
        env["THOR_SCHEDULER_MODE"] = mode
    done = subprocess.run(
        [sys.executable, "-c", REPORTING_RUNNER, str(root), json.dumps(entries)], env=env, capture_output=True, text=True, timeout=120, cwd=root
    )
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _class8_cases() -> list[object]:
    return [pytest.param(p, id=p.stem) for p in sorted(DATA.glob("class8_*")) if p.stem not in NOT_IMPORTABLE]


@pytest.mark.parametrize("case", _class8_cases())
def test_class8_verdicts_match_execution(tmp_path: Path, case: Path) -> None:
    root = copy_case(case, tmp_path)
    entries = _entries(root if case.is_dir() else root / case.name)
    accepted = [(m, q) for m, q, codes in entries if not codes]
    flagged = [(m, q) for m, q, codes in entries if "TG002" in codes]
    assert accepted or flagged
    for mode in (None, "heartbeat"):
        if accepted:
            ran = _run(root, accepted, mode)
            assert [name for name, effect in ran.items() if effect] == [], f"accepted but reaches a side effect (mode {mode})"
    if flagged:
        ran = _run(root, flagged, None)
        assert [name for name, effect in ran.items() if not effect] == [], "TG002 entry points that reach no side effect"


GUARD = '    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()\n        if mode == "heartbeat":\n            return\n'

KINDS = st.sampled_from(["none", "none", "pure", "effect", "literal"])


@st.composite
def hierarchies(draw: st.DrawFn) -> list[tuple[list[int], str]]:
    """Up to six classes; each lists some earlier classes as bases (in a drawn order) and binds ``pending`` as
    nothing, a literal, a pure property or a property that starts a thread."""
    count = draw(st.integers(2, 6))
    classes = []
    for index in range(count):
        bases = draw(st.lists(st.integers(0, index - 1), unique=True, max_size=3)) if index else []
        classes.append((bases, draw(KINDS)))
    return classes


def _source(classes: list[tuple[list[int], str]]) -> str:
    lines = ["import os", "import threading", "", ""]
    body = {
        "none": "    pass\n",
        "literal": "    pending = 0\n",
        "pure": "    @property\n    def pending(self):\n        return 0\n",
        "effect": "    @property\n    def pending(self):\n        threading.Thread(target=print).start()\n        return 1\n",
    }
    for index, (bases, kind) in enumerate(classes):
        parents = ", ".join(f"C{b}" for b in bases)
        lines.append(f"class C{index}({parents}):\n{body[kind]}\n")
    used = {b for bases, _ in classes for b in bases}
    sinks = ", ".join(f"C{i}" for i in range(len(classes)) if i not in used)  # every class is an ancestor of Probe
    lines.append(f"class Probe({sinks}):\n    def start(self):\n        label = self.pending\n    {GUARD}        threading.Thread(target=print).start()\n")
    return "\n".join(lines)


def _python_mro(source: str) -> list[str] | None:
    """The class names of Probe's MRO as Python computes it (None: Python refuses the hierarchy), in a subprocess."""
    program = source + "\nimport json\nprint(json.dumps([c.__name__ for c in Probe.__mro__]))\n"
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        assert "TypeError" in done.stderr, done.stderr
        return None
    return json.loads(done.stdout)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(classes=hierarchies())
def test_inherited_property_lookup_follows_pythons_mro(classes: list[tuple[list[int], str]]) -> None:
    """TG002 exactly when the first class of Python's MRO that binds ``pending`` binds the thread-starting property;
    TG009 when Python cannot create Probe or one of its ancestors (no consistent order)."""
    source = _source(classes)
    mro = _python_mro(source)
    wrapper = MetadataWrapper(cst.parse_module(textwrap.dedent(source)))
    verdicts = {q: verify_function(wrapper, f, q, VerifierContext(module="mod")) for q, f in iter_functions(wrapper.module)}
    codes = frozenset(verdicts["Probe.start"].codes)
    if mro is None:
        assert "TG009" in codes
        return
    kinds = {f"C{i}": kind for i, (_, kind) in enumerate(classes)}
    first = next((kinds[name] for name in mro if kinds.get(name, "none") != "none"), "none")
    assert codes == (frozenset({"TG002"}) if first == "effect" else frozenset()), (mro, source)
