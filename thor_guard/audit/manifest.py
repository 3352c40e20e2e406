"""``thor-guard init``'s proposal: a manifest whose entry points cover every unguarded start-up path.

For each TG010 site the proposal takes the *outermost* function on its
shortest path - the first one after the trigger, because guarding a framework
hook itself (``AppConfig.ready``, a gunicorn hook, a receiver, module code)
would switch off everything else it does; the trigger only when it is the
spawning function itself. Functions the manifest already matches are not
proposed again (``check`` reports them if they are unguarded).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from thor_guard.audit.model import PSEUDO_FUNCTIONS
from thor_guard.audit.result import AuditResult, SpawnReport
from thor_guard.config import Config

_ENTRY_KEY = re.compile(r"^\s*entry-points\s*=")
_HEADER = re.compile(r"^\s*\[")
TABLE_HEADER = "[tool.thor-guard]"


@dataclass(frozen=True)
class Proposal:
    entry_point: str
    """``module:qualname`` to add to ``entry-points``."""
    covers: tuple[SpawnReport, ...]
    """The TG010 sites whose shortest path it cuts."""


def outermost_function(spawn: SpawnReport) -> str | None:
    functions = [node for node in spawn.call_path if node.split(":", 1)[1] not in PSEUDO_FUNCTIONS]
    if not functions:
        return None
    if functions[0] == spawn.trigger and len(functions) > 1:
        return functions[1]
    return functions[0]


def propose(result: AuditResult, config: Config) -> list[Proposal]:
    covered: dict[str, list[SpawnReport]] = {}
    for spawn in result.spawns:
        if spawn.classification != "unguarded":
            continue
        entry = outermost_function(spawn)
        if entry is None:
            continue
        module, qualname = entry.split(":", 1)
        if any(target.matches(module, qualname) for target in config.entry_points):
            continue
        covered.setdefault(entry, []).append(spawn)
    return [Proposal(entry, tuple(spawns)) for entry, spawns in sorted(covered.items())]


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_entry_points(entries: Sequence[str], newline: str = "\n") -> str:
    if not entries:
        return f"entry-points = []{newline}"
    body = "".join(f"    {_toml_string(e)},{newline}" for e in entries)
    return f"entry-points = [{newline}{body}]{newline}"


def merged_entries(declared: Iterable[str], proposals: Sequence[Proposal]) -> list[str]:
    entries = list(dict.fromkeys(declared))
    entries.extend(p.entry_point for p in proposals if p.entry_point not in entries)
    return entries


def render_table(table: dict[str, object], proposals: Sequence[Proposal], on_demand: Sequence[SpawnReport]) -> str:
    """The proposed top-level ``[tool.thor-guard]`` table (sub-tables are left as they are)."""
    lines = [TABLE_HEADER]
    declared = table.get("entry-points", [])
    entries = merged_entries(declared if isinstance(declared, list) else [], proposals)
    for key, value in table.items():
        if key == "entry-points" or isinstance(value, dict):
            continue
        lines.append(f"{key} = {_toml_value(value)}")
    for proposal in proposals:
        first = proposal.covers[0]
        lines.append(f"# {proposal.entry_point}: covers {len(proposal.covers)} unguarded spawn site(s), e.g. {first.path_text(' -> ')}")
    for spawn in on_demand:
        lines.append(f"# on demand (TG011), decide by hand: {spawn.path_text(' -> ')}")
    lines.append(render_entry_points(entries).rstrip("\n"))
    return "\n".join(lines) + "\n"


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return _toml_string(str(value))


def rewrite_pyproject(text: str, entries: Sequence[str]) -> str:
    """Replace (or add) ``entry-points`` in the ``[tool.thor-guard]`` table of a pyproject's text."""
    newline = "\r\n" if "\r\n" in text else "\n"
    rendered = render_entry_points(entries, newline)
    lines = text.splitlines(keepends=True)
    header = next((i for i, line in enumerate(lines) if line.strip() == TABLE_HEADER), None)
    if header is None:
        prefix = text if not text or text.endswith(("\n", "\r\n")) else text + newline
        separator = newline if prefix.strip() else ""
        return f"{prefix}{separator}{TABLE_HEADER}{newline}{rendered}"
    end = next((i for i in range(header + 1, len(lines)) if _HEADER.match(lines[i])), len(lines))
    start = next((i for i in range(header + 1, end) if _ENTRY_KEY.match(lines[i])), None)
    if start is None:
        lines.insert(header + 1, rendered)
        return "".join(lines)
    stop = start
    depth = 0
    for stop in range(start, end):
        code = lines[stop].split("#", 1)[0]
        depth += code.count("[") - code.count("]")
        if depth <= 0:
            break
    lines[start : stop + 1] = [rendered]
    return "".join(lines)


def preset_applies(config: Config) -> bool:
    """True when some module of the configured preset exists under the source roots."""
    from thor_guard.presets import PRESETS
    from thor_guard.targets import Target, find_module_file

    modules = {Target.parse(entry).module for entry in PRESETS.get(config.preset, ())}
    return any(find_module_file(module, config.source_roots) is not None for module in modules)


def target_pyproject(config: Config) -> Path:
    if config.config_file is not None and config.config_file.name == "pyproject.toml":
        return config.config_file
    return config.project_root / "pyproject.toml"
