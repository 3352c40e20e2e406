"""Reporters: render a result in text, JSON, SARIF 2.1.0 or GitHub annotations.

Generic over :class:`~thor_guard.findings.Finding`, so ``check`` and ``audit``
share them. A result is anything with ``findings``, ``errors`` and a
``summary`` mapping (see :class:`ReportInput`); ``check``'s
:class:`~thor_guard.check.CheckResult` is one::

    from thor_guard.report import render
    out = render(result, "json", color=False, statistics=True)
    sys.stdout.write(out.stdout); sys.stderr.write(out.stderr)

``out.stdout`` is the report; ``out.stderr`` holds one line per file error
(``path: error: message``). JSON merges ``dict(finding.extra)`` into each
finding object (the schema's own keys win); the text format prints an extra
indented ``via a -> b -> c`` line when ``extra`` has a ``call_path``.
Paths are shown relative to ``base`` (default: the current directory).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from thor_guard.findings import FileError, Finding

Format = Literal["text", "json", "sarif", "github"]
FORMATS: tuple[Format, ...] = ("text", "json", "sarif", "github")


class ReportInput(Protocol):
    """What a reporter needs: findings, per-file errors and summary counts."""

    @property
    def findings(self) -> Sequence[Finding]: ...

    @property
    def errors(self) -> Sequence[FileError]: ...

    @property
    def summary(self) -> Mapping[str, int]: ...


@dataclass(frozen=True)
class Rendered:
    stdout: str
    stderr: str


def render(
    result: ReportInput,
    fmt: Format,
    *,
    color: bool = False,
    statistics: bool = False,
    base: Path | None = None,
) -> Rendered:
    """Render ``result`` in ``fmt``; ``statistics`` adds per-code counts (text and JSON)."""
    from thor_guard.report.paths import error_lines

    # Each format's module is imported only when asked for (json and sarif pull in json: a warm check need not).
    base = (base or Path.cwd()).resolve()
    if fmt == "text":
        from thor_guard.report import text

        stdout = text.render_text(result, base=base, color=color, statistics=statistics)
    elif fmt == "json":
        from thor_guard.report import json_format

        stdout = json_format.render_json(result, base=base, statistics=statistics)
    elif fmt == "sarif":
        from thor_guard.report import sarif

        stdout = sarif.render_sarif(result, base=base)
    elif fmt == "github":
        from thor_guard.report import github

        stdout = github.render_github(result, base=base)
    else:  # pragma: no cover - click restricts the choice
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return Rendered(stdout, error_lines(result.errors, base=base))


__all__ = ["FORMATS", "Format", "Rendered", "ReportInput", "render"]
