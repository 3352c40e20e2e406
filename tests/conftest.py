"""Test-suite-wide settings.

Hypothesis's default deadline (200 ms per example) measures wall time, so on a shared, loaded CI machine a
property test fails with ``DeadlineExceeded`` for no fault of the code (seen on ``tests/test_targets.py``). The
suite asserts no timing anywhere (speed lives in ``benchmarks/``), so the deadline is off for every property test;
a test that sets its own ``settings`` still overrides this profile field by field.
"""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("thor-guard", deadline=None)
settings.load_profile("thor-guard")
