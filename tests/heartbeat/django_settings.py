"""Django settings for the heartbeat tests: the heartbeat app, the example's ThorTrading, a throw-away SQLite file.

``THOR_HEARTBEAT`` binds all eight jobs to the recording test job, so
``call_command("run_heartbeat")`` exercises binding through Django settings.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_TMP = Path(tempfile.mkdtemp(prefix="tg-heartbeat-django-"))
BASE_DIR = _TMP
SECRET_KEY = "tests-only"
INSTALLED_APPS = ["heartbeat", "ThorTrading"]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(_TMP / "test.sqlite3"),
        # a throw-away file: durability buys nothing here, speed keeps the suite fast
        "OPTIONS": {"init_command": "PRAGMA synchronous=OFF; PRAGMA journal_mode=MEMORY;"},
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
TIME_ZONE = "UTC"
THOR_FEED_SEED = 7

_JOBS = [
    "intraday", "week52_extremes", "session_volume", "market_metrics",
    "twentyfour_hour", "preopen_backtest", "vwap_minute_capture", "closed_bars_flush",
]
THOR_HEARTBEAT = {
    "FAST_TICK": 0.01,
    "SLOW_TICK": 0.01,
    "LOCK": "file",
    "LOCK_PATH": str(_TMP / "heartbeat.lock"),
    "CADENCE": "heartbeat.cadence:always_open",
    "JOBS": {name: {"TARGET": "tests.heartbeat.jobs_for_tests:record", "INTERVAL": 0.01, "WHEN": "always"} for name in _JOBS},
}
os.environ.setdefault("HEARTBEAT_TEST_JOURNAL", str(_TMP / "journal.jsonl"))
