"""Tests of the heartbeat runner (scheduler, cadence, locks, status, CLI, Django app, example jobs)."""
