"""Fixtures for the heartbeat tests: a real redis-server, the example project on sys.path, Django once per session."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.redis_server import redis_server  # noqa: F401  (re-exported fixture)

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "legacy_thor"
if str(EXAMPLE) not in sys.path:
    sys.path.insert(0, str(EXAMPLE))

SETTINGS_MODULE = "tests.heartbeat.django_settings"


@pytest.fixture(scope="session")
def django_db() -> Iterator[None]:
    """Configure Django with the heartbeat test settings and migrate a fresh SQLite database."""
    import os

    import django
    from django.conf import settings
    from django.core.management import call_command

    if settings.configured:
        if "heartbeat" not in settings.INSTALLED_APPS or "ThorTrading" not in settings.INSTALLED_APPS:
            pytest.fail(
                f"Django was already configured by another test module ({os.environ.get('DJANGO_SETTINGS_MODULE')}) "
                f"without the heartbeat and ThorTrading apps; run tests/heartbeat in its own process or use {SETTINGS_MODULE}",
                pytrace=False,
            )
    else:
        # Set only for django.setup(): left in os.environ it would make every later in-process
        # run-heartbeat / heartbeat-status of the session overlay these settings' THOR_HEARTBEAT
        # (file lock, test jobs) on the test's own configuration, and leak into child processes.
        previous = os.environ.get("DJANGO_SETTINGS_MODULE")
        os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
        try:
            django.setup()
        finally:
            if previous is None:
                os.environ.pop("DJANGO_SETTINGS_MODULE", None)
            else:
                os.environ["DJANGO_SETTINGS_MODULE"] = previous
    call_command("migrate", interactive=False, verbosity=0)
    yield


@pytest.fixture
def clean_db(django_db: None) -> Iterator[None]:
    """Empty every ThorTrading table before the test."""
    from django.apps import apps

    for model in apps.get_app_config("ThorTrading").get_models():
        model.objects.all().delete()
    yield
