"""Fixtures for the chaos suite and the one-line-per-scenario summary printed at the end of every pytest run.

Each scenario gets a fresh cluster (Redis + three runners + journal), so a
failing scenario cannot poison the next one. The summary lines travel as the
test report's ``user_properties`` (so they also reach a JUnit XML file) and
are printed in a "chaos summary" section by ``pytest_terminal_summary``, with
or without ``-s`` or ``-q``.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.chaos.cluster import ChaosSettings, Cluster
from tests.chaos.invariants import Verdict
from tests.redis_server import redis_server  # noqa: F401  (re-exported fixture)

SUMMARY_PROPERTY = "chaos_summary"
Report = Callable[[str, Verdict, str], None]


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    cluster = Cluster(tmp_path, ChaosSettings())
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.close()
        shutil.rmtree(cluster.redis.directory, ignore_errors=True)


def summary_line(name: str, verdict: Verdict, details: str) -> str:
    return (
        f"{name:<28} leader changes={verdict.leader_changes:<2} longest gap={verdict.longest_gap:.3f}s "
        f"records={verdict.records:<5} violations={len(verdict.violations)}" + (f"  {details}" if details else "")
    )


@pytest.fixture
def chaos_report(request: pytest.FixtureRequest) -> Report:
    """Record the scenario's summary line, then fail with every violation listed (the line is kept either way)."""

    def report(name: str, verdict: Verdict, details: str = "") -> None:
        request.node.user_properties.append((SUMMARY_PROPERTY, summary_line(name, verdict, details)))
        assert not verdict.violations, "\n".join(verdict.violations)

    return report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines: list[str] = []
    for outcome in ("passed", "failed", "error"):
        for report in terminalreporter.stats.get(outcome, []):
            for key, value in getattr(report, "user_properties", ()):
                if key == SUMMARY_PROPERTY and getattr(report, "when", "call") == "call":
                    lines.append(f"{outcome.upper():<6} {value}")
    if lines:
        terminalreporter.write_sep("-", "chaos summary")
        for line in sorted(lines, key=lambda text: text.split(None, 1)[1]):
            terminalreporter.write_line(line)
