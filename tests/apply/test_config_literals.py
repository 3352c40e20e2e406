"""Configured strings reach the file as literals its encoding can hold; a bug exits 3 with its traceback (AR2-3).

An ``env-var = "MODE_€"`` in a latin-1 file (or ``heartbeat-value = "héartbeat"`` in an ascii one) made the
rewrite raise UnicodeEncodeError, reported as "internal error ... please report it" with exit 2, the code
for bad input. The literal now escapes what the encoding cannot hold; a real bug exits 3 and prints the
traceback, as every other command does.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.check.project import cli_runner, write_project
from thor_guard.apply import transform_source
from thor_guard.cli import cli
from thor_guard.config import build_config

ENCODINGS = ("ascii", "latin-1", "cp1252", "cp932", "utf-8")
BODY = "import logging\nimport os\n\nlogger = logging.getLogger(__name__)\n\n\ndef start():\n    print('work')\n"


def _constants(source: bytes) -> set[str]:
    return {node.value for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Constant) and isinstance(node.value, str)}


# What the configuration accepts (review AR3-20): no control or format characters, no whitespace, no '=' in a name.
_PRINTABLE = ("Cs", "Cc", "Cf", "Co", "Cn", "Zs", "Zl", "Zp")


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(
    st.sampled_from(ENCODINGS),
    st.text(st.characters(blacklist_categories=_PRINTABLE, blacklist_characters="="), min_size=1, max_size=6),
    st.text(st.characters(blacklist_categories=_PRINTABLE), min_size=1, max_size=6),
)
def test_configured_strings_are_written_so_the_file_keeps_its_encoding(encoding: str, variable: str, value: str) -> None:
    if value.lower() == "legacy":
        value += "x"
    table = {"preset": "none", "entry-points": ["m:start"], "env-var": variable, "heartbeat-value": value}
    config = build_config(table, root=Path("/generated"))
    source = f"# -*- coding: {encoding} -*-\n{BODY}".encode(encoding)
    result = transform_source(Path("/generated/m.py"), "m", source, config, None)
    assert result.error is None, result.error
    assert [f.action for f in result.functions] == ["fixed"], result.functions
    result.updated.decode(encoding)  # still holds only what the cookie promises
    constants = _constants(result.updated)
    assert variable in constants and value in constants and value.lower() in constants


def test_the_review_cases_through_the_cli(tmp_path: Path) -> None:
    for encoding, key, value in (("latin-1", "env-var", "MODE_€"), ("ascii", "heartbeat-value", "héartbeat")):
        root = write_project(tmp_path / encoding, {}, {"preset": "none", "entry-points": ["m:start"], key: value})
        (root / "m.py").write_bytes(f"# -*- coding: {encoding} -*-\n{BODY}".encode(encoding))
        result = cli_runner().invoke(cli, ["apply", str(root)])
        assert result.exit_code == 0, result.stderr
        assert value in _constants((root / "m.py").read_bytes())


def test_a_bug_in_a_rewrite_exits_3_with_its_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fault is injected (no real bug is known to trigger it): the other files are still fixed."""
    import codemods.scheduler_guard as guard

    root = write_project(tmp_path, {"a.py": BODY, "b.py": BODY}, {"preset": "none", "entry-points": ["a:start", "b:start"]})
    plan = guard.SchedulerGuardCommand._plan_module

    def broken(self, tree, targeted, source):  # type: ignore[no-untyped-def]
        if self._module == "b":
            raise RuntimeError("injected bug")
        return plan(self, tree, targeted, source)

    monkeypatch.setattr(guard.SchedulerGuardCommand, "_plan_module", broken)
    before = (root / "b.py").read_bytes()
    result = cli_runner().invoke(cli, ["apply", "-j1", str(root)])
    assert result.exit_code == 3, result.stderr
    assert "b.py: error: internal error while rewriting (RuntimeError: injected bug)" in result.stderr
    assert "Traceback (most recent call last):" in result.stderr and "RuntimeError: injected bug" in result.stderr
    assert (root / "b.py").read_bytes() == before
    assert b"scheduler_mode" in (root / "a.py").read_bytes()


@pytest.mark.parametrize(
    ("encoding", "variable"),
    [("cp932", "MODE_¬"), ("cp932", "〜MODE"), ("shift_jis", "MODE_¥"), ("euc_jp", "‾MODE"), ("cp932", "MODE_日本")],
)
def test_a_character_that_reads_back_as_another_is_escaped(encoding: str, variable: str) -> None:
    # cp932 writes '¬' as the bytes of '￢'; shift_jis writes '¥' as 0x5C, a backslash that would
    # escape the closing quote. Such characters are written as escapes; ones that survive stay as they are.
    table = {"preset": "none", "entry-points": ["m:start"], "env-var": variable}
    config = build_config(table, root=Path("/generated"))
    source = f"# -*- coding: {encoding} -*-\n{BODY}".encode(encoding)
    result = transform_source(Path("/generated/m.py"), "m", source, config, None)
    assert result.error is None, result.error
    assert variable in _constants(result.updated)
    if variable.endswith("日本"):
        assert "日本" in result.updated.decode(encoding)
