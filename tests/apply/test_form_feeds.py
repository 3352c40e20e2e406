"""A form feed on a line apply does not edit stays on that line, or the function is left for a person (review AR3-18).

libcst keeps a form feed with the indentation token of a block; rebuilding a function body re-rendered every
statement with one indent string, so an untouched line lost its ``\\f`` (or gained one). Inserted lines that take a
block indentation holding a form feed are fine (tests/data/apply/insert_form_feed_indent.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.apply.cases import _config
from thor_guard.apply import transform_source

HEAD = b'import builtins\nimport logging\n\nlogger = logging.getLogger(__name__)\n\n\ndef start():\n'
BODIES = {
    "lost": b'    builtins.SIDE("body")\n\x0c    builtins.SIDE("more")\n',
    "gained": b'\x0c    builtins.SIDE("body")\n    \x0c\n    builtins.SIDE("more")\n',
}


@pytest.mark.parametrize("name", sorted(BODIES))
def test_a_form_feed_that_would_move_leaves_the_function_for_a_person(name: str) -> None:
    source = HEAD + BODIES[name]
    result = transform_source(Path("/generated/m.py"), "m", source, _config("m", ("start",), "debug"), None)
    (outcome,) = result.functions
    assert outcome.action == "needs-person" and "a form feed (page break) would move" in outcome.detail, outcome
    assert result.updated == source


def test_a_form_feed_elsewhere_does_not_stop_the_fix() -> None:
    source = HEAD + b'    builtins.SIDE("body")\n\n\n\x0c\nVALUE = 1\n'
    result = transform_source(Path("/generated/m.py"), "m", source, _config("m", ("start",), "debug"), None)
    (outcome,) = result.functions
    assert outcome.action == "fixed", outcome
    assert b"\n\x0c\nVALUE = 1\n" in result.updated
