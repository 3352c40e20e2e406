"""The one configuration loader: ``[tool.thor-guard]`` in the nearest ``pyproject.toml``.

Every command (check, apply, audit, init, run-heartbeat) goes through
:func:`load_config`, so discovery, defaults and error messages are the same
everywhere. The ``heartbeat`` sub-table is kept as a validated raw mapping
here and interpreted by :mod:`heartbeat.settings`, which owns its keys.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from thor_guard.errors import ConfigError, TargetError
from thor_guard.presets import PRESETS
from thor_guard.suggest import did_you_mean
from thor_guard.targets import Target

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

TOOL_TABLE = "thor-guard"
LOG_LEVELS = ("debug", "info", "warning", "error", "critical")
DEFAULT_EXCLUDE = ("**/migrations/**", "**/.venv/**", "**/venv/**", "**/node_modules/**")

TOP_LEVEL_KEYS = (
    "source-roots",
    "entry-points",
    "extend-entry-points",
    "preset",
    "env-var",
    "heartbeat-value",
    "legacy-value",
    "guard-helpers",
    "stale-flags",
    "exclude",
    "audit-allow",
    "audit-spawners",
    "log-level",
    "strict",
    "transparent-decorators",
    "heartbeat",
)


@dataclass(frozen=True)
class Config:
    """Resolved configuration; paths are absolute, targets parsed, preset merged."""

    project_root: Path
    """Directory holding the config file (or the first path given, when there is none)."""
    config_file: Path | None
    source_roots: tuple[Path, ...]
    entry_points: tuple[Target, ...]
    preset: str = "thor"
    """The preset named by ``preset`` (default ``thor``); see :attr:`uses_preset` for whether it is in effect."""
    env_var: str = "THOR_SCHEDULER_MODE"
    heartbeat_value: str = "heartbeat"
    legacy_value: str = "legacy"
    guard_helpers: tuple[Target, ...] = ()
    stale_flags: tuple[str, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    audit_allow: tuple[Target, ...] = ()
    audit_spawners: tuple[Any, ...] = ()
    """Extra rows of audit's spawner table (:class:`thor_guard.audit.spawners.Spawner`)."""
    log_level: str = "debug"
    heartbeat: Mapping[str, Any] = field(default_factory=dict)
    uses_preset: bool = True
    """True when the preset's entries are part of ``entry_points``: ``preset`` is named, or no
    ``entry-points`` are configured (explicit ``entry-points`` replace the preset, as ruff's ``select`` does)."""
    configured: bool = True
    """False when no ``[tool.thor-guard]`` table (nor ``--config`` file) was found: built-in defaults apply."""
    strict: bool = False
    """``strict = true``: the verifier drops its stated assumptions (docs/check.md "Assumptions")."""
    transparent_decorators: tuple[str, ...] = ()
    """Dotted names (``pkg.mod.deco``) of decorators that call the function unchanged; the verifier sees through them."""

    def describe_source(self) -> str:
        return str(self.config_file) if self.config_file else "built-in defaults"


def find_pyproject(start: Path) -> Path | None:
    """Return the nearest ``pyproject.toml`` at or above ``start`` that has a ``[tool.thor-guard]`` table.

    A pyproject without the table is remembered as a fallback so that a project
    root is still found; one with the table always wins.
    """
    start = start.resolve()
    directory = start if start.is_dir() else start.parent
    fallback: Path | None = None
    for candidate_dir in (directory, *directory.parents):
        candidate = candidate_dir / "pyproject.toml"
        if candidate.is_file():
            try:
                text = candidate.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                return candidate  # let load_config report the read error
            # A cheap text test first; parse only when the table may be there.
            if TOOL_TABLE in text and _declares_tool_table(text):
                return candidate
            if fallback is None:
                fallback = candidate
    return fallback


def _declares_tool_table(text: str) -> bool:
    """True when ``text`` parses and holds ``[tool.thor-guard]``; a broken file counts as declaring it,
    so that the read error is reported instead of silently skipping to an outer pyproject."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return True
    tool = document.get("tool")
    return isinstance(tool, dict) and TOOL_TABLE in tool


def read_toml(path: Path) -> dict[str, Any]:
    """Read a TOML file, turning every failure into one :class:`ConfigError` line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read config: {exc.strerror or exc}", path) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"config is not valid UTF-8 ({exc.reason} at byte {exc.start})", path) from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path) from exc


def tool_table(document: Mapping[str, Any], path: Path) -> dict[str, Any]:
    """Extract ``[tool.thor-guard]`` (empty when absent)."""
    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError("'tool' must be a table", path)
    table = tool.get(TOOL_TABLE, {})
    if not isinstance(table, dict):
        raise ConfigError(f"'tool.{TOOL_TABLE}' must be a table", path)
    return table


def load_config(
    paths: Sequence[Path] = (),
    config_file: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Config:
    """Discover and validate the configuration for a run over ``paths``.

    ``config_file`` (``--config``) wins over discovery; it may be a
    ``pyproject.toml`` or a standalone TOML file whose top level is the table
    itself. Without any file the built-in ``thor`` preset applies with the
    first path (or the current directory) as project root.
    """
    first = Path(paths[0]) if paths else Path.cwd()
    if config_file is not None:
        config_file = Path(config_file)
        if not config_file.exists():
            raise ConfigError("config file does not exist", config_file)
        document = read_toml(config_file)
        table = tool_table(document, config_file) if "tool" in document or config_file.name == "pyproject.toml" else document
        root = config_file.resolve().parent
    else:
        if not first.exists():
            raise ConfigError("path does not exist", first)
        found = find_pyproject(first)
        if found is None:
            table = {}
            root = (first if first.is_dir() else first.parent).resolve()
        else:
            document = read_toml(found)
            table = tool_table(document, found)
            root = found.resolve().parent
            config_file = found
    configured = config_file is not None and _has_tool_table(config_file, table)
    if overrides:
        table = {**table, **overrides}
    config = build_config(table, root=root, config_file=config_file)
    return config if configured else replace(config, configured=False)


def _has_tool_table(config_file: Path, table: Mapping[str, Any]) -> bool:
    """True when ``config_file`` really configures thor-guard: a ``--config`` file, or a pyproject with the table."""
    if table:
        return True
    if config_file.name != "pyproject.toml":
        return True
    try:
        return _declares_tool_table(config_file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return True


def _expect_str(table: Mapping[str, Any], key: str, default: str, path: Path | None) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not value:
        raise ConfigError(f"'{key}' must be a non-empty string, got {value!r}", path)
    return value


def _expect_str_list(table: Mapping[str, Any], key: str, path: Path | None) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str) or not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"'{key}' must be a list of strings, got {value!r}", path)
    return tuple(value)


def _targets(values: Iterable[str], key: str, path: Path | None, *, allow_wildcards: bool = True) -> tuple[Target, ...]:
    parsed: list[Target] = []
    for value in values:
        try:
            parsed.append(Target.parse(value, allow_wildcards=allow_wildcards, what=f"'{key}' entry"))
        except TargetError as exc:
            raise ConfigError(exc.message, path) from exc
    return tuple(parsed)


def _audit_spawners(table: Mapping[str, Any], path: Path | None) -> tuple[Any, ...]:
    if "audit-spawners" not in table:
        return ()
    from thor_guard.audit.spawners import parse_spawner_entries  # the table's owner validates its rows

    try:
        return parse_spawner_entries(table["audit-spawners"])
    except ValueError as exc:
        raise ConfigError(str(exc), path) from exc


def build_config(table: Mapping[str, Any], *, root: Path, config_file: Path | None = None) -> Config:
    """Validate a raw ``[tool.thor-guard]`` mapping into a :class:`Config`."""
    for key in table:
        if key not in TOP_LEVEL_KEYS:
            raise ConfigError(f"unknown key '{key}' in [tool.{TOOL_TABLE}]{did_you_mean(key, TOP_LEVEL_KEYS)}", config_file)

    preset = _expect_str(table, "preset", "thor", config_file)
    if preset not in PRESETS:
        raise ConfigError(f"unknown preset '{preset}'{did_you_mean(preset, PRESETS)}; choose one of {', '.join(PRESETS)}", config_file)

    roots_raw = _expect_str_list(table, "source-roots", config_file) or (".",)
    source_roots = tuple((root / r).resolve() for r in roots_raw)
    if "source-roots" in table:
        _require_directories(roots_raw, source_roots, config_file)

    # ruff's convention: explicit `entry-points` replace the preset unless `preset` is named;
    # `extend-entry-points` add to whatever the base is.
    declared = _expect_str_list(table, "entry-points", config_file)
    extended = _expect_str_list(table, "extend-entry-points", config_file)
    uses_preset = "preset" in table or "entry-points" not in table
    entries: list[str] = list(PRESETS[preset]) if uses_preset else []
    entries.extend(e for e in (*declared, *extended) if e not in entries)
    entry_points = _targets(entries, "entry-points", config_file)

    log_level = _expect_str(table, "log-level", "debug", config_file).lower()
    if log_level not in LOG_LEVELS:
        raise ConfigError(f"'log-level' must be one of {', '.join(LOG_LEVELS)}, got {log_level!r}{did_you_mean(log_level, LOG_LEVELS)}", config_file)

    env_var = _env_name(_expect_str(table, "env-var", "THOR_SCHEDULER_MODE", config_file), "'env-var'", config_file)
    heartbeat_value = _mode_value(_expect_str(table, "heartbeat-value", "heartbeat", config_file), "'heartbeat-value'", config_file)
    legacy_value = _mode_value(_expect_str(table, "legacy-value", "legacy", config_file), "'legacy-value'", config_file)
    if heartbeat_value.lower() == legacy_value.lower():
        raise ConfigError("'heartbeat-value' and 'legacy-value' must differ", config_file)

    heartbeat = table.get("heartbeat", {})
    if not isinstance(heartbeat, dict):
        raise ConfigError(f"'heartbeat' must be a table, got {heartbeat!r}", config_file)

    exclude = _expect_str_list(table, "exclude", config_file) if "exclude" in table else DEFAULT_EXCLUDE

    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        raise ConfigError(f"'strict' must be true or false, got {strict!r}", config_file)
    transparent = tuple(_dotted_name(v, "transparent-decorators", config_file) for v in _expect_str_list(table, "transparent-decorators", config_file))

    return Config(
        project_root=root,
        config_file=config_file,
        source_roots=source_roots,
        entry_points=entry_points,
        preset=preset,
        env_var=env_var,
        heartbeat_value=heartbeat_value,
        legacy_value=legacy_value,
        guard_helpers=_targets(_expect_str_list(table, "guard-helpers", config_file), "guard-helpers", config_file, allow_wildcards=False),
        stale_flags=tuple(_env_name(v, "'stale-flags' entry", config_file) for v in _expect_str_list(table, "stale-flags", config_file)),
        exclude=exclude,
        audit_allow=_targets(_expect_str_list(table, "audit-allow", config_file), "audit-allow", config_file),
        audit_spawners=_audit_spawners(table, config_file),
        log_level=log_level,
        heartbeat=heartbeat,
        uses_preset=uses_preset and bool(PRESETS[preset]),
        strict=strict,
        transparent_decorators=transparent,
    )


def _require_directories(raw: Sequence[str], resolved: Sequence[Path], path: Path | None) -> None:
    """Each configured ``source-roots`` entry must be a directory: a typo would otherwise surface as
    "module not found" (TG008) for every entry point, far from its cause (review RA-9).

    Raises :class:`ConfigError` naming the entry and what it resolved to. Only explicit entries are
    checked: the default ``.`` is the directory holding the configuration.
    """
    for entry, directory in zip(raw, resolved):
        if directory.is_dir():
            continue
        problem = "is not a directory" if directory.exists() else "does not exist"
        where = "" if str(directory) == entry else f" (resolved to {directory})"
        raise ConfigError(f"'source-roots' entry {entry!r} {problem}{where}", path)


def _dotted_name(value: str, key: str, path: Path | None) -> str:
    """``pkg.mod.deco`` or ``pkg.mod:deco`` as a dotted name; a ConfigError naming the entry otherwise."""
    dotted = value.replace(":", ".", 1) if value.count(":") == 1 else value
    if not dotted or not all(part.isidentifier() for part in dotted.split(".")):
        raise ConfigError(f"'{key}' entry {value!r} is not a dotted name like 'pkg.module.decorator'", path)
    return dotted


def _string_problem(value: str) -> str | None:
    """What makes ``value`` unusable in an environment variable's name or value and in generated code, if anything."""
    if value == "":
        return "it is empty"
    if "\0" in value:
        return "it contains a NUL character (the environment cannot hold one)"
    if "\n" in value or "\r" in value:
        return "it contains a line break"
    for character in value:
        if not character.isprintable() and not character.isspace():
            return f"it contains the control character U+{ord(character):04X}"
    return None


def _env_name(value: str, what: str, path: Path | None) -> str:
    """``value`` as an environment variable name (``env-var``, a ``stale-flags`` entry); a ConfigError naming the problem.

    An ``=`` can never be part of a name (``os.environ.get("A=B")`` is always unset, so a guard reading it would
    always see the heartbeat world), NUL cannot be stored at all, and whitespace or a line break would be a name no
    shell sets and a string literal apply has to write into the guard (review AR3-20).
    """
    problem = _string_problem(value)
    if problem is None and "=" in value:
        problem = "it contains '=', which ends a variable name in the environment"
    if problem is None and any(character.isspace() for character in value):
        problem = "it contains whitespace"
    if problem is not None:
        raise ConfigError(f"{what} {value!r} is not an environment variable name: {problem}", path)
    return value


def _mode_value(value: str, what: str, path: Path | None) -> str:
    """``value`` as a mode value (``heartbeat-value``, ``legacy-value``); a ConfigError naming the problem.

    The value table (heartbeat/mode.py) tells a spelling padded with whitespace or ending in ``\\r`` apart from the
    value itself, so a configured value must not start or end with whitespace, nor hold a line break or NUL.
    """
    problem = _string_problem(value)
    if problem is None and value != value.strip():
        problem = "it starts or ends with whitespace"
    if problem is not None:
        raise ConfigError(f"{what} {value!r} is not a usable mode value: {problem}", path)
    return value
