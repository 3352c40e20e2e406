"""``thor-guard init``: propose a ``[tool.thor-guard]`` table from the audit (print, or ``--write`` it).

The same analysis as ``audit``; the entry points proposed are the outermost
functions on each unguarded start-up path (see :mod:`thor_guard.audit.manifest`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from thor_guard.commands.common import (
    config_option,
    emit_errors,
    load_config_or_exit,
    no_cache_option,
    paths_argument,
    split_paths,
)
from thor_guard.errors import ExitCode, ThorGuardError
from thor_guard.findings import FileError
from thor_guard.report.paths import error_lines


@click.command("init")
@paths_argument
@config_option
@click.option("--write", is_flag=True, help="Write the entry points into pyproject.toml instead of printing the table.")
@no_cache_option
def init(paths: tuple[Path, ...], config_file: Path | None, write: bool, no_cache: bool) -> None:
    """Propose a manifest whose entry points guard every unguarded start-up path.

    Prints the proposed [tool.thor-guard] table; with --write, adds the new
    entry points to pyproject.toml's table (keeping everything else). Explicit
    entry-points replace the built-in preset unless `preset` is named, so when
    the preset's modules exist here and the table does not name it, init
    writes `preset = "thor"` beside the entry points to keep them. Exit 0
    when nothing needed proposing or it was written, 1 when a proposal was
    printed, 2 on configuration or file errors.
    """
    from thor_guard.audit import AuditOptions, run_audit
    from thor_guard.audit.manifest import (
        merged_entries,
        preset_applies,
        propose,
        render_table,
        rewrite_pyproject,
        target_pyproject,
    )
    from thor_guard.config import read_toml, tool_table
    from thor_guard.report.plural import count
    from thor_guard.writer import read_snapshot, write_if_changed

    existing, missing = split_paths(paths)
    if missing:  # reported as every command does; init stops before proposing or writing anything
        emit_errors(missing)
        sys.exit(ExitCode.ERROR)
    config = load_config_or_exit(existing, config_file)
    try:
        result = run_audit(config, AuditOptions(paths=existing, use_cache=not no_cache))
        click.echo(error_lines([FileError(path, message) for path, message in result.errors], base=Path.cwd().resolve()), nl=False, err=True)
        proposals = propose(result, config)
        table: dict[str, object] = {}
        if config.config_file is not None:
            document = read_toml(config.config_file)
            table = tool_table(document, config.config_file) if config.config_file.name == "pyproject.toml" else document
        keep_preset = "preset" not in table and "entry-points" not in table and config.uses_preset and preset_applies(config)
        if keep_preset:
            # Explicit entry-points replace the preset; name it so the reference modules stay checked.
            table = {"preset": config.preset, **table}
        if not write:
            on_demand = [s for s in result.spawns if s.classification == "on-demand"]
            click.echo(render_table(table, proposals, on_demand), nl=False)
            sys.exit(ExitCode.ERROR if result.errors else ExitCode.FINDINGS if proposals else ExitCode.CLEAN)
        target = target_pyproject(config)
        if config.config_file is not None and config.config_file.name != "pyproject.toml":
            raise ThorGuardError("--write only updates a pyproject.toml; add the printed entry points to your config by hand", config.config_file)
        declared = table.get("entry-points", [])
        entries = merged_entries(declared if isinstance(declared, list) else [], proposals)
        if target.exists():
            snapshot = read_snapshot(target)
            text = snapshot.data.decode("utf-8")
            text = rewrite_pyproject(text, entries)
            if keep_preset:
                text = text.replace("[tool.thor-guard]", f'[tool.thor-guard]\npreset = "{config.preset}"', 1)
            changed = write_if_changed(snapshot, text.encode("utf-8"))
        else:
            # A new file: exclusive creation can clobber nothing.
            with open(target, "x", encoding="utf-8", newline="") as handle:
                handle.write(render_table(table, proposals, []))
            changed = True
    except ThorGuardError as exc:
        click.echo(f"thor-guard: error: {exc}", err=True)
        sys.exit(ExitCode.ERROR)
    added = [p.entry_point for p in proposals if p.entry_point not in (declared if isinstance(declared, list) else [])]
    if changed and added:
        click.echo(f"{target}: added {count(len(added), 'entry point')}: {', '.join(added)}")
    elif changed:
        click.echo(f"{target}: wrote the [tool.thor-guard] table (no new entry points)")
    else:
        click.echo(f"{target}: nothing to add")
    sys.exit(ExitCode.ERROR if result.errors else ExitCode.CLEAN)
