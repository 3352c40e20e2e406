"""The Django app ``heartbeat``: add it to ``INSTALLED_APPS`` to get ``manage.py run_heartbeat``.

It has no models and starts nothing in ``ready()``: the loop runs only in the
process that runs the command, never as a side effect of importing Django.
"""

from __future__ import annotations

from pathlib import Path

from django.apps import AppConfig


class HeartbeatConfig(AppConfig):
    name = "heartbeat"
    label = "heartbeat"
    verbose_name = "Heartbeat scheduler"
    path = str(Path(__file__).resolve().parent)  # explicit, so an editable install's finder cannot confuse Django
