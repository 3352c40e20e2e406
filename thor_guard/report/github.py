"""``--format github``: workflow commands that GitHub Actions turns into inline annotations."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from thor_guard.report.paths import display_path

if TYPE_CHECKING:
    from thor_guard.report import ReportInput


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(result: ReportInput, *, base: Path) -> str:
    lines: list[str] = []
    for f in result.findings:
        level = "error" if f.severity == "error" else "warning"
        props = ",".join(
            (
                f"file={escape_property(display_path(f.path, base))}",
                f"line={f.line}",
                f"col={f.column}",
                f"title={escape_property(f'{f.code} {f.name}')}",
            )
        )
        suffix = f" ({f.entry_point})" if f.entry_point else ""
        lines.append(f"::{level} {props}::{escape_data(f.message + suffix)}")
    for e in result.errors:
        lines.append(f"::error file={escape_property(display_path(e.path, base))},title=thor-guard::{escape_data(e.message)}")
    return "".join(line + "\n" for line in lines)
