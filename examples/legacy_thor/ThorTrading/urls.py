"""URLs of ThorTrading's operator endpoints."""

from __future__ import annotations

from django.urls import path

from ThorTrading import views

urlpatterns = [
    path("monitor/restart/", views.restart_monitor, name="restart-monitor"),
]
