"""``thor-guard run-heartbeat`` and ``thor-guard heartbeat-status``: flags in, runner out.

Thin on purpose: every decision lives in :mod:`heartbeat.runner` so that the
Django command behaves identically. Errors become one line on stderr and exit
code 2 here as well, so the commands behave the same under click's test
runner and the console script.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import NoReturn, cast

import click

from heartbeat.settings import LOCK_KINDS, HeartbeatSettings, LockKind, apply_overrides
from thor_guard.errors import ExitCode, ThorGuardError

_CONFIG = click.option(
    "--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), help="pyproject.toml or TOML file (default: nearest pyproject.toml)."
)
_SETTINGS = click.option("--settings", "django_settings", metavar="MODULE", help="Django settings module; THOR_HEARTBEAT there overrides pyproject.")
_LOCK = click.option("--lock", type=click.Choice(LOCK_KINDS), help="Leader lock (default from config: file).")
_REDIS_URL = click.option("--redis-url", metavar="URL", help="Redis URL for --lock redis (or THOR_HEARTBEAT_REDIS_URL).")


def _fail(exc: ThorGuardError) -> NoReturn:
    click.echo(f"thor-guard: error: {exc}", err=True)
    sys.exit(ExitCode.ERROR)


def _prepare(config_file: Path | None, django_settings: str | None, *, check_mode: bool) -> HeartbeatSettings:
    from heartbeat.mode import check_scheduler_mode
    from heartbeat.runner import add_source_roots, django_settings_module, load_settings, setup_django
    from thor_guard.config import load_config

    config = load_config((), config_file=config_file)
    if check_mode:
        check_scheduler_mode(config)
    add_source_roots(config)
    module = django_settings_module(config, django_settings)
    if module:
        setup_django(module, config.project_root)
    return load_settings(config, with_django=bool(module))


@click.command("run-heartbeat")
@_CONFIG
@_SETTINGS
@click.option("--fast-tick", type=click.FloatRange(min=0, min_open=True), help="Seconds between ticks while a market is open.")
@click.option("--slow-tick", type=click.FloatRange(min=0, min_open=True), help="Seconds between ticks while all markets are closed.")
@_LOCK
@_REDIS_URL
@click.option("--max-ticks", type=click.IntRange(min=1), help="Stop after N ticks as leader (for bounded runs).")
@click.option("--allow-unbound", is_flag=True, help="Start even if some default jobs are not bound to a function.")
@click.option(
    "--metrics-port",
    type=click.IntRange(min=0, max=65535),
    help="Serve Prometheus metrics on this port (0: any free port); needs the 'metrics' extra.",
)
@click.option(
    "--metrics-address",
    default="0.0.0.0",
    show_default=True,
    metavar="ADDRESS",
    help="Local address the metrics port listens on, e.g. 127.0.0.1 to keep it on this host, or :: for IPv6.",
)
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]), default="info", show_default=True)
def run_heartbeat(
    config_file: Path | None,
    django_settings: str | None,
    fast_tick: float | None,
    slow_tick: float | None,
    lock: str | None,
    redis_url: str | None,
    max_ticks: int | None,
    allow_unbound: bool,
    metrics_port: int | None,
    metrics_address: str,
    log_level: str,
) -> None:
    """Run the jobs in one leader-locked heartbeat loop until SIGTERM/SIGINT (or --max-ticks).

    Refuses to start (exit 2) when THOR_SCHEDULER_MODE says legacy or holds an
    unknown value. Start it in every worker or host: one process leads, the
    others stand by and take over when it stops or dies.
    """
    from heartbeat.runner import RunOptions, configure_logging, create_runner

    try:
        settings = _prepare(config_file, django_settings, check_mode=True)
        configure_logging(log_level)
        runner = create_runner(
            settings,
            RunOptions(
                fast_tick=fast_tick,
                slow_tick=slow_tick,
                lock=cast("LockKind | None", lock),
                redis_url=redis_url,
                max_ticks=max_ticks,
                allow_unbound=allow_unbound,
                metrics_port=metrics_port,
                metrics_address=metrics_address,
            ),
        )
        code = runner.run()
    except ThorGuardError as exc:
        _fail(exc)
    sys.exit(code)


@click.command("heartbeat-status")
@_CONFIG
@_SETTINGS
@_LOCK
@_REDIS_URL
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--max-age",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Probe mode: exit 1 (and say 'stale') when the last tick is older than this or a job runs past its timeout.",
)
@click.option("--job", "job_name", metavar="NAME", help="Show one job in detail: counters, last traceback, its last runs.")
def heartbeat_status(
    config_file: Path | None,
    django_settings: str | None,
    lock: str | None,
    redis_url: str | None,
    output_format: str,
    max_age: float | None,
    job_name: str | None,
) -> None:
    """Show the leader, its last tick (and how long ago it was) and every job's last run.

    Exit 0 when a status was found (and, with --max-age, it is fresh), 1 when
    none was recorded yet or it is stale (last tick older than --max-age, or a
    job running past its timeout: usable as a liveness probe), 2 on errors.
    """
    from heartbeat.runner import status_store_for
    from heartbeat.status import format_job, format_text, problems, with_age
    from thor_guard.suggest import did_you_mean

    try:
        settings = apply_overrides(
            _prepare(config_file, django_settings, check_mode=False), lock=cast("LockKind | None", lock), redis_url=redis_url
        )
        store = status_store_for(settings)
        try:
            status = store.load()
        except Exception as exc:
            from heartbeat.runner import describe_store_error

            raise ThorGuardError(f"cannot read heartbeat status from {store.location}: {describe_store_error(exc, settings)}") from exc
        jobs = (status or {}).get("jobs") or {}
        if status is not None and job_name is not None and job_name not in jobs:
            raise ThorGuardError(f"no job '{job_name}' in the heartbeat status at {store.location}{did_you_mean(job_name, list(jobs))}")
    except ThorGuardError as exc:
        _fail(exc)
    now = time.time()
    if status is None:
        click.echo(f"no heartbeat status recorded yet at {store.location}", err=True)
        sys.exit(ExitCode.FINDINGS)
    found = problems(status, now, max_age)
    if output_format == "json":
        document = with_age(status, now, max_age)
        click.echo(json.dumps(document["jobs"][job_name] if job_name else document, indent=2))
    elif job_name is not None:
        click.echo(format_job(status, job_name, now))
    else:
        click.echo(format_text(status, now, store.location, max_age))
    if found:
        click.echo(f"heartbeat stale: {'; '.join(found)}", err=True)
        sys.exit(ExitCode.FINDINGS)
    sys.exit(ExitCode.CLEAN)
