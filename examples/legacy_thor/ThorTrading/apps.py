"""App configuration of ThorTrading (label ``ThorTrading``, as in the reference project)."""

from __future__ import annotations

from django.apps import AppConfig


class ThorTradingConfig(AppConfig):
    name = "ThorTrading"
    label = "ThorTrading"
    verbose_name = "Thor trading"
    default_auto_field = "django.db.models.BigAutoField"
