"""Reasons quote the user's file: line numbers from the discarded rewrite are mapped back (review RA-4)."""

from __future__ import annotations

from pathlib import Path

from codemods.scheduler_guard import original_line_numbers
from thor_guard.apply import transform_source
from thor_guard.config import build_config

REDEFINED = b"""import sys


def start():
    print("old body")


if sys.version_info >= (3, 8):
    def start():
        print("new body")
"""


def test_line_references_are_mapped_to_the_original_file() -> None:
    before = b"a\nb\nc\n"
    after = b"import os\na\nnew\nb\nc\n"
    assert original_line_numbers("x at line 2 and line 4 ('b'), line 3", before, after) == (
        "x at line 1 and line 2 ('b'), a line the fix would add"
    )
    assert original_line_numbers("no numbers here", before, after) == "no numbers here"


def test_a_rejected_fix_names_lines_that_exist_in_the_file() -> None:
    config = build_config({"preset": "none", "entry-points": ["m:start"]}, root=Path("/project"))
    result = transform_source(Path("/project/m.py"), "m", REDEFINED, config, None)
    details = [f.detail for f in result.functions if f.action == "needs-person"]
    assert details, result.functions
    lines = REDEFINED.decode().splitlines()
    for detail in details:
        assert "line 4 ('def start():')" in detail and "line 9 ('def start():')" in detail, detail
        assert lines[3] == "def start():" and lines[8].strip() == "def start():"


def test_a_file_this_python_cannot_parse_gets_real_positions_and_the_reason() -> None:
    """Review RA-7: a PEP 701 f-string under Python 3.11 was reported at 0:0 with "cannot parse at line 1 ('')"."""
    import sys

    import pytest

    if sys.version_info >= (3, 12):
        pytest.skip("PEP 701 f-strings parse on this Python")
    source = b'import logging\n\nlogger = logging.getLogger(__name__)\n\n\ndef start(d={"a": 1}):\n    print(f"{d["a"]}")\n'
    config = build_config({"preset": "none", "entry-points": ["m:start"]}, root=Path("/project"))
    result = transform_source(Path("/project/m.py"), "m", source, config, None)
    assert result.error is None and result.updated == source
    (outcome,) = result.functions
    assert outcome.action == "needs-person"
    assert (outcome.line, outcome.column) == (6, 5)
    assert "f-string" in outcome.detail and "line 1 ('')" not in outcome.detail, outcome.detail
    assert "can rebind it" not in outcome.detail, outcome.detail


def test_newer_syntax_elsewhere_in_the_module_is_named_as_such() -> None:
    """Review AR2-5: an f-string of Python 3.12 outside the function gave "cannot parse at line 1 (...) can rebind it"."""
    import sys

    import pytest

    if sys.version_info >= (3, 12):
        pytest.skip("PEP 701 f-strings parse on this Python")
    source = (
        b'import logging\n\nlogger = logging.getLogger(__name__)\nCFG = {"a": 1}\nLABEL = f"{CFG["a"]}"\n\n\n'
        b"def start():\n    print(LABEL)\n"
    )
    config = build_config({"preset": "none", "entry-points": ["m:start"]}, root=Path("/project"))
    result = transform_source(Path("/project/m.py"), "m", source, config, None)
    assert result.error is None and result.updated == source
    (outcome,) = result.functions
    assert (outcome.action, outcome.line, outcome.column) == ("needs-person", 8, 5)
    assert "cannot parse this file (f-string: unmatched '[' (line 5); syntax newer than Python 3." in outcome.detail, outcome.detail
    assert "can rebind it" not in outcome.detail and "line 1" not in outcome.detail, outcome.detail


def test_a_one_line_def_split_by_the_fix_keeps_its_line() -> None:
    """Review AR2-9: `def start(n: int) -> None: ...` split into a block was "a line the fix would add"."""
    before = b"import os\n\n@overload\ndef start(n: int) -> None: ...\ndef start(n):\n    go()\n"
    after = (
        b"import os\n\n@overload\ndef start(n: int) -> None:\n    mode = os.environ.get('M')\n    ...\n"
        b"def start(n):\n    go()\n"
    )
    message = "bound at line 4 ('def start(n: int) -> None:') and rebound at line 7; line 5 is new"
    assert original_line_numbers(message, before, after) == (
        "bound at line 4 ('def start(n: int) -> None:') and rebound at line 5; a line the fix would add is new"
    )
