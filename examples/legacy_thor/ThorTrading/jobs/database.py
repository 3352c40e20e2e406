"""The heartbeat's ``setup`` hook for the example: create or migrate the SQLite database.

Called once by the runner when the process first becomes leader (under the
lock, so two processes never migrate at once). This is what lets the README's
command run from a fresh clone without a manual ``migrate``.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management import call_command


def prepare_database() -> None:
    name = settings.DATABASES["default"]["NAME"]
    if isinstance(name, (str, Path)) and str(name) != ":memory:":
        Path(name).parent.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
