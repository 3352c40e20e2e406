"""Django settings for the example Thor backend: SQLite, the ``heartbeat`` app and ``ThorTrading``.

The heartbeat reads its configuration from ``[tool.thor-guard.heartbeat]`` in
the example's ``pyproject.toml``; ``THOR_HEARTBEAT`` here could override any
key. The database lives in ``var/`` (created on first run by the heartbeat's
setup hook) unless ``THOR_EXAMPLE_DB`` names another file.
"""

from __future__ import annotations

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "example-only-not-secret")
DEBUG = False
ALLOWED_HOSTS: list[str] = ["localhost", "127.0.0.1"]

INSTALLED_APPS = [
    "heartbeat",
    "ThorTrading",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("THOR_EXAMPLE_DB", str(BASE_DIR / "var" / "thor.sqlite3")),
        # Several processes (leader, standbys, web workers) may open the file: WAL lets readers
        # continue while the heartbeat writes; NORMAL sync is durable across process crashes.
        "OPTIONS": {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"},
    }
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
TIME_ZONE = "UTC"

THOR_FEED_SEED = int(os.environ.get("THOR_FEED_SEED", "20240101"))
"""Seed of the synthetic quote feed the example jobs consume."""
