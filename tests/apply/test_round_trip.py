"""Bytes apply does not edit stay the same bytes, whatever the file's encoding (review AR2-2).

cp932, big5, cp950 and big5hkscs have characters with two byte spellings (cp932's NEC row-13 ``\\x87\\x90``
and ``\\x81\\xe0`` are both U+2252). libcst decodes the module and encodes the whole regenerated text, so
every line holding the non-canonical spelling changed on disk although apply never edited it. Such a file
is now refused (``path: error: ...``, exit 2); every other file keeps each original line byte for byte.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.check.project import cli_runner, write_project
from thor_guard.apply import transform_source
from thor_guard.cli import cli
from thor_guard.config import build_config
from thor_guard.writer import round_trip_problem

CODECS = ("cp932", "shift_jis", "euc_jp", "big5", "cp950", "big5hkscs", "gbk", "gb18030", "euc_kr", "cp949", "cp1252", "latin-1")


@cache
def spellings(codec: str) -> tuple[tuple[bytes, ...], tuple[bytes, ...]]:
    """Two-byte sequences of ``codec`` that decode: those that re-encode to themselves, and those that do not."""
    exact: list[bytes] = []
    other: list[bytes] = []
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            raw = bytes((lead, trail))
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                continue
            if len(text) != 1 or not text.isprintable() or text in "\"\\\r\n":
                continue
            (exact if text.encode(codec) == raw else other).append(raw)
    return tuple(exact), tuple(other)


def _module(codec: str, label: bytes) -> bytes:
    return (
        f"# -*- coding: {codec} -*-\nimport logging\nimport threading\n\nlogger = logging.getLogger(__name__)\n".encode()
        + b'LABEL = "'
        + label
        + b'"  # '
        + label
        + b"\n\n\ndef start():\n    threading.Thread(target=print, args=(LABEL,)).start()\n"
    )


def _run(source: bytes):  # type: ignore[no-untyped-def]
    config = build_config({"preset": "none", "entry-points": ["m:start"]}, root=Path("/generated"))
    return transform_source(Path("/generated/m.py"), "m", source, config, None)


def _is_subsequence(lines: list[bytes], within: list[bytes]) -> bool:
    remaining = iter(within)
    return all(any(line == other for other in remaining) for line in lines)


@st.composite
def labels(draw: st.DrawFn) -> tuple[str, bytes]:
    codec = draw(st.sampled_from(CODECS))
    exact, other = spellings(codec)
    pool = exact + other if other else exact
    if not pool:  # a one-byte codec: printable high bytes
        pool = tuple(bytes((b,)) for b in range(0xA0, 0x100) if bytes((b,)).decode(codec, "replace").isprintable())
    chosen = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=6))
    return codec, b"".join(chosen)


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(labels())
def test_every_original_line_survives_or_the_file_is_refused(case: tuple[str, bytes]) -> None:
    codec, label = case
    source = _module(codec, label)
    try:
        source.decode(codec)
    except UnicodeDecodeError:  # pragma: no cover - the pool only holds decodable sequences
        return
    result = _run(source)
    if result.error is not None:
        assert "re-encoding as" in result.error and source.decode(codec).encode(codec) != source, result.error
        return
    assert [f.action for f in result.functions] == ["fixed"], result.functions
    assert _is_subsequence(source.splitlines(), result.updated.splitlines()), (source, result.updated)


@pytest.mark.parametrize("codec", ["cp932", "big5", "cp950", "big5hkscs"])
def test_codecs_with_two_spellings_are_refused_with_the_line(codec: str) -> None:
    _, other = spellings(codec)
    assert other, f"{codec} has no second spelling: the premise of this test is wrong"
    source = _module(codec, other[0])
    problem = round_trip_problem(source)
    assert problem is not None and problem.startswith(f"line 6 holds bytes that re-encoding as {codec} would change"), problem
    result = _run(source)
    assert result.error == problem and result.updated == source


def test_the_review_case_through_the_cli(tmp_path: Path) -> None:
    label = "\u8a08\u7b97 \u2252".encode("cp932").replace("\u2252".encode("cp932"), b"\x87\x90")
    root = write_project(tmp_path, {"m.py": _module("cp932", label)}, {"preset": "none", "entry-points": ["m:start"]})
    before = (root / "m.py").read_bytes()
    for args in (["apply"], ["apply", "--diff"], ["apply", "--check"]):
        result = cli_runner().invoke(cli, [*args, str(root)])
        assert result.exit_code == 2, (args, result.stderr)
        assert "m.py: error: line 6 holds bytes that re-encoding as cp932 would change" in result.stderr, result.stderr
        assert "+++" not in result.stdout  # no patch
    assert (root / "m.py").read_bytes() == before
    # the canonical spelling of the same text is fixed as usual
    (root / "m.py").write_bytes(_module("cp932", "\u8a08\u7b97 \u2252".encode("cp932")))
    result = cli_runner().invoke(cli, ["apply", str(root)])
    assert result.exit_code == 0, result.stderr
