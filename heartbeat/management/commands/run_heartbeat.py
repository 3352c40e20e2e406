"""``manage.py run_heartbeat``: the same runner as ``thor-guard run-heartbeat``, configured from Django.

Configuration is the project's ``[tool.thor-guard.heartbeat]`` (found from
``settings.BASE_DIR`` or the working directory) overlaid by
``settings.THOR_HEARTBEAT``; flags win over both.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from django.conf import settings as django_settings
from django.core.management.base import BaseCommand, CommandError

from heartbeat.mode import check_scheduler_mode
from heartbeat.runner import RunOptions, add_source_roots, configure_logging, create_runner, load_settings
from thor_guard.config import load_config
from thor_guard.errors import ThorGuardError


def _positive_float(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, got {text}")
    return value


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {text}")
    return value


class Command(BaseCommand):
    help = (
        "Run the heartbeat jobs in one leader-locked loop until SIGTERM/SIGINT/SIGHUP (or --max-ticks). "
        "SIGQUIT stops without waiting for the running job; SIGUSR1 logs every thread's stack."
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--fast-tick", type=_positive_float, help="Seconds between ticks while a market is open.")
        parser.add_argument("--slow-tick", type=_positive_float, help="Seconds between ticks while all markets are closed.")
        parser.add_argument("--no-lock", action="store_true", help="Run without a leader lock (development only).")
        parser.add_argument("--lock", choices=("file", "redis", "none"), help="Leader lock (default from config: file).")
        parser.add_argument("--redis-url", help="Redis URL for --lock redis (or THOR_HEARTBEAT_REDIS_URL).")
        parser.add_argument("--max-ticks", type=_positive_int, help="Stop after N ticks as leader.")
        parser.add_argument("--allow-unbound", action="store_true", help="Start even if some jobs of the configured preset are unbound (or allow-unbound = true).")

    def handle(self, *args: Any, **options: Any) -> None:
        root = Path(getattr(django_settings, "BASE_DIR", None) or Path.cwd())
        try:
            config = load_config([root])
            check_scheduler_mode(config)
            add_source_roots(config)
            settings = load_settings(config, with_django=True)
            verbosity = int(options.get("verbosity", 1))
            configure_logging("debug" if verbosity >= 3 else "warning" if verbosity == 0 else "info")
            runner = create_runner(
                settings,
                RunOptions(
                    fast_tick=options.get("fast_tick"),
                    slow_tick=options.get("slow_tick"),
                    lock="none" if options.get("no_lock") else options.get("lock"),
                    redis_url=options.get("redis_url"),
                    max_ticks=options.get("max_ticks"),
                    allow_unbound=bool(options.get("allow_unbound")),
                ),
            )
            code = runner.run()
        except ThorGuardError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        if code:  # a job left running at the stop (1) or a quick stop (128 + signal), as run-heartbeat exits
            sys.exit(code)
