"""Django settings for the database-restart test: PostgreSQL on the port in ``HEARTBEAT_TEST_PG_PORT``.

``CONN_MAX_AGE = None`` keeps one connection for the life of the worker
thread, as a long-running process does, so only ``close_old_connections``
(which the heartbeat calls around every job) can replace a broken one.
"""

from __future__ import annotations

import os

SECRET_KEY = "tests-only"
INSTALLED_APPS = ["django.contrib.contenttypes", "heartbeat"]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "postgres",
        "USER": "tg",
        "HOST": "127.0.0.1",
        "PORT": os.environ.get("HEARTBEAT_TEST_PG_PORT", "5432"),
        "CONN_MAX_AGE": None,
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
TIME_ZONE = "UTC"
