"""fnmatch bracket expressions with ranges are valid manifest targets (review AR2-8).

README: targets take fnmatch wildcards (`*`, `?`, `[...]`); `m:s[0-9]*` was rejected as "not a valid qualname
segment" (exit 2) because the `-` of a range is not an identifier character.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.check.project import cli_runner, write_project
from thor_guard.cli import cli
from thor_guard.errors import TargetError
from thor_guard.targets import Target

UNGUARDED = "import threading\n\n\ndef {name}():\n    threading.Thread(target=print).start()\n"


@pytest.mark.parametrize(
    ("entry", "module", "qualname", "matches"),
    [
        ("m:s[0-9]*", "m", "s1_worker", True),
        ("m:s[0-9]*", "m", "start", False),
        ("m:[a-z]tart", "m", "start", True),
        ("m[0-9]:start", "m2", "start", True),
        ("m:[!_]tart", "m", "_tart", False),
        ("m:[!_]tart", "m", "start", True),
    ],
)
def test_ranges_parse_and_match(entry: str, module: str, qualname: str, matches: bool) -> None:
    target = Target.parse(entry)
    assert (target.matches_module(module) and target.matches_qualname(qualname)) is matches


@pytest.mark.parametrize("entry", ["m:s[0-9]-x", "m:a-b", "m:[0-9"])
def test_what_is_not_a_pattern_is_still_refused(entry: str) -> None:
    with pytest.raises(TargetError, match="is not a valid"):
        Target.parse(entry)


def test_apply_fixes_a_range_entry(tmp_path: Path) -> None:
    files = {"m.py": UNGUARDED.format(name="s1_worker") + "\n\n" + UNGUARDED.format(name="start").split("\n\n\n", 1)[1]}
    root = write_project(tmp_path, files, {"preset": "none", "entry-points": ["m:s[0-9]*"]})
    result = cli_runner().invoke(cli, ["apply", str(root)])
    assert result.exit_code == 0, result.stderr
    assert any(line.endswith("m.py (s1_worker)") for line in result.stderr.splitlines()), result.stderr
