"""Signal receivers of ThorTrading (connected when ``ThorTradingConfig.ready`` imports this module)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from ThorTrading.models import MinuteBar
from ThorTrading.services.grading_service import start_grading_service


@receiver(post_save, sender=MinuteBar)
def grade_after_flush(sender: type[MinuteBar], instance: MinuteBar, created: bool, **kwargs: Any) -> None:
    """Every flushed bar may close a trade: make sure the grading service runs."""
    if created:
        start_grading_service()
