"""App configuration of ThorTrading (label ``ThorTrading``, as in the reference project)."""

from __future__ import annotations

from django.apps import AppConfig


class ThorTradingConfig(AppConfig):
    name = "ThorTrading"
    label = "ThorTrading"
    verbose_name = "Thor trading"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connect the signal receivers and schedule the delayed start of the service stack.
        from ThorTrading import signals  # noqa: F401
        from ThorTrading.startup import schedule_delayed_start

        schedule_delayed_start()
