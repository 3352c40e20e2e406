"""``init``'s pyproject editing: entry-points replaced or added, everything else byte-for-byte kept."""

from __future__ import annotations

import pytest

from thor_guard.audit.manifest import rewrite_pyproject


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            '[project]\nname = "x"\n',
            '[project]\nname = "x"\n\n[tool.thor-guard]\nentry-points = [\n    "a:b",\n]\n',
        ),
        (
            '[tool.thor-guard]\npreset = "thor"\n\n[tool.other]\nk = 1\n',
            '[tool.thor-guard]\nentry-points = [\n    "a:b",\n]\npreset = "thor"\n\n[tool.other]\nk = 1\n',
        ),
        (
            '[tool.thor-guard]\nentry-points = [\n  "old:x",  # keep?\n  "old:y",\n]\npreset = "none"\n',
            '[tool.thor-guard]\nentry-points = [\n    "a:b",\n]\npreset = "none"\n',
        ),
        (
            '[tool.thor-guard]\r\nentry-points = ["old:x"]\r\n[tool.thor-guard.heartbeat]\r\nfast-tick = 1.0\r\n',
            '[tool.thor-guard]\r\nentry-points = [\r\n    "a:b",\r\n]\r\n[tool.thor-guard.heartbeat]\r\nfast-tick = 1.0\r\n',
        ),
    ],
    ids=["no-table", "table-without-key", "multi-line-key", "crlf-and-subtable"],
)
def test_rewrite(before: str, after: str) -> None:
    assert rewrite_pyproject(before, ["a:b"]) == after
    assert rewrite_pyproject(after, ["a:b"]) == after  # idempotent
