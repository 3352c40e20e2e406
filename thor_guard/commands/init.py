"""``thor-guard init``: propose a ``[tool.thor-guard]`` table from the audit (print, or ``--write`` it).

The same analysis as ``audit``; the entry points proposed are the outermost
functions on each unguarded start-up path (see :mod:`thor_guard.audit.manifest`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from thor_guard.commands.common import config_option, no_cache_option
from thor_guard.errors import ExitCode, ThorGuardError


@click.command("init")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@config_option
@click.option("--write", is_flag=True, help="Write the entry points into pyproject.toml instead of printing the table.")
@no_cache_option
def init(paths: tuple[Path, ...], config_file: Path | None, write: bool, no_cache: bool) -> None:
    """Propose a manifest whose entry points guard every unguarded start-up path.

    Prints the proposed [tool.thor-guard] table; with --write, adds the new
    entry points to pyproject.toml's table (keeping everything else). Exit 0
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
    from thor_guard.config import load_config, read_toml, tool_table
    from thor_guard.writer import read_snapshot, write_if_changed

    try:
        config = load_config(paths, config_file)
        result = run_audit(config, AuditOptions(paths=paths, use_cache=not no_cache))
        for path, message in result.errors:
            click.echo(f"{path}: error: {message}", err=True)
        proposals = propose(result, config)
        table: dict[str, object] = {}
        if config.config_file is not None:
            document = read_toml(config.config_file)
            table = tool_table(document, config.config_file) if config.config_file.name == "pyproject.toml" else document
        if not table and not preset_applies(config):
            table = {"preset": "none"}  # a project without the reference modules: the thor preset would only report TG008
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
            if "preset" in table and "[tool.thor-guard]" not in text:
                text = rewrite_pyproject(text, entries).replace("[tool.thor-guard]\n", '[tool.thor-guard]\npreset = "none"\n', 1)
                changed = write_if_changed(snapshot, text.encode("utf-8"))
            else:
                changed = write_if_changed(snapshot, rewrite_pyproject(text, entries).encode("utf-8"))
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
        click.echo(f"{target}: added {len(added)} entry point(s): {', '.join(added)}")
    elif changed:
        click.echo(f"{target}: wrote the [tool.thor-guard] table (no new entry points)")
    else:
        click.echo(f"{target}: nothing to add")
    sys.exit(ExitCode.ERROR if result.errors else ExitCode.CLEAN)
