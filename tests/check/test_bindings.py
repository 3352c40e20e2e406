"""The census of module bindings (thor_guard/verifier/bindings.py): what can rebind a module name, and what cannot.

The data cases under tests/data/check/bindings_* check whole verdicts; these
tests pin the census itself: stores versus reads of namespaces (issue 12 item
9), NFKC spellings, the target's grammar (issue 12 item 12), and — executed in
a subprocess — that every write the census calls a hazard really rebinds the
name, while every read it ignores leaves it alone.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thor_guard.verifier.bindings import census, parse_python

# Module-level statements that rebind `os` (each executed below to prove it), and ones that only read namespaces.
WRITES = [
    'globals()["os"] = None',
    "globals().update(os=None)",
    'g = globals()\ng["os"] = None',
    "sys.modules[__name__].os = None",
    'setattr(sys.modules[__name__], "os", None)',
    'exec("os = None")',
    'exec("os = None", globals())',
    'vars()["os"] = None',
    'sys._getframe(0).f_globals["os"] = None',
    "m = sys.modules[__name__]\nm.os = None",
    'importlib.import_module(__name__).os = None',
    'ｏｓ = None',
]
READS = [
    'assert "os" in globals()',
    'assert globals().get("os") is os',
    "_names = sorted(globals())",
    "_count = len(vars())",
    '_loaded = sys.modules.get("json")',
    '_json = __import__("json")',
    '_mod = importlib.import_module("json")',
    'exec("x = 1", {})',
    '_value = eval("1 + 1", {"__builtins__": {}})',
    "_copy = dict(globals())",
    "class Record:\n    def __init__(self, **fields):\n        self.__dict__.update(fields)\n        super().__setattr__('ready', True)",
    'café = "ｏｓ"  # ｏｓ in a comment',
]
PRELUDE = "import importlib\nimport os\nimport sys\n"


def _module(statements: list[str]) -> str:
    return PRELUDE + "\n".join(statements) + "\n"


def _os_after(source: str) -> bool:
    """Execute ``source`` as a real module (a subprocess) and say whether its global ``os`` is still the os module."""
    program = textwrap.dedent(
        """
        import sys, types
        module = types.ModuleType("probe")
        sys.modules["probe"] = module
        exec(compile(sys.argv[1], "probe.py", "exec"), module.__dict__)
        import os
        print(module.__dict__.get("os") is os)
        """
    )
    done = subprocess.run([sys.executable, "-c", program, source], capture_output=True, text=True, check=True)
    return done.stdout.strip() == "True"


@pytest.mark.parametrize("statement", WRITES)
def test_every_write_really_rebinds_and_is_a_hazard_for_the_name(statement: str) -> None:
    source = _module([statement])
    assert not _os_after(source), "the case does not rebind os: it proves nothing"
    problem = census(source).problem("os")
    assert problem is not None and "line" in problem


@pytest.mark.parametrize("statement", READS)
def test_reads_of_namespaces_leave_the_name_proven(statement: str) -> None:
    source = _module([statement])
    assert _os_after(source)
    assert census(source).problem("os") is None


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(READS), max_size=5), st.lists(st.sampled_from(WRITES), max_size=2))
def test_a_module_is_unprovable_exactly_when_it_writes(reads: list[str], writes: list[str]) -> None:
    """Any mix of reads stays provable; adding one write makes ``os`` unprovable (the census never counts reads)."""
    assert (census(_module(reads + writes)).problem("os") is not None) == bool(writes)


def test_nfkc_spelling_is_named_with_its_line() -> None:
    source = "import os\n\n\ndef start():\n    ｍode = 1\n"
    problem = census(source).problem("os")
    assert problem is not None
    assert "the identifier 'ｍode', which Python reads as 'mode' (NFKC)" in problem and "line 5" in problem


def test_python_312_syntax_is_censused_with_the_files_line_numbers() -> None:
    source = "import os\n\n\ndef start[T](item: T) -> None:\n    print(item)\n\n\nclass Box[K]:\n    pass\n\n\ntype os = int\n"
    assert parse_python(source) is not None
    problem = census(source).problem("os")
    assert problem is not None and "line 12" in problem and "type os = int" in problem
    assert census(source).problem("Box") is None


def test_type_parameters_spanning_lines_are_not_lowered_with_moved_lines() -> None:
    source = "import os\n\n\ndef start[\n    T,\n](item: T) -> None:\n    print(item)\n\n\nos = 1\n"
    if sys.version_info >= (3, 12):
        assert "line 10" in (census(source).problem("os") or "")
    else:
        # Lowering would move line 10: the census refuses to pretend, every name is unprovable.
        assert parse_python(source) is None
        assert "cannot parse" in (census(source).problem("os") or "")


def test_invalid_source_is_unprovable_not_empty() -> None:
    assert "cannot parse" in (census("def broken(:\n").problem("anything") or "")
