"""The Prometheus exporter, scraped over real HTTP from an in-process runner and from ``run-heartbeat --metrics-port``."""

from __future__ import annotations

import re
import socket
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from heartbeat.jobs import Job, JobContext
from heartbeat.runner import RunOptions, create_runner
from heartbeat.settings import parse_settings
from tests.heartbeat.helpers import JOB_NAMES, spawn, stop, wait_for
from tests.heartbeat.jobs_for_tests import JOURNAL_ENV


def scrape(port: int) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """``{(sample name, sorted labels): value}`` from ``/metrics``, parsed by prometheus_client's own parser."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        assert response.status == 200
        text = response.read().decode()
    samples: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def scraped_when(port: int, condition: Callable[[Samples], bool]) -> Samples | None:
    """One scrape, returned when ``condition`` holds on it (for :func:`wait_for`)."""
    try:
        samples = scrape(port)
    except OSError:  # not listening yet
        return None
    return samples if condition(samples) else None


def value(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_runner_metrics_count_runs_failures_timeouts_and_show_leadership(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(JOURNAL_ENV, str(tmp_path / "journal.jsonl"))
    release = threading.Event()

    def flaky(ctx: JobContext) -> None:
        raise RuntimeError("flaky on purpose")

    def sleepy(ctx: JobContext) -> None:
        release.wait(10)

    settings = parse_settings(
        {
            "fast-tick": 0.05, "slow-tick": 0.05, "lock": "file", "lock-path": str(tmp_path / "hb.lock"),
            "cadence": "heartbeat.cadence:always_open",
            "jobs": {name: {"target": "tests.heartbeat.jobs_for_tests:record", "interval": 0.05, "when": "always"} for name in JOB_NAMES},
        },
        project_root=tmp_path,
    )
    runner = create_runner(
        settings,
        RunOptions(metrics_port=0),
        extra_jobs=[Job("flaky", 0.05, "always", fn=flaky), Job("sleepy", 0.05, "always", fn=sleepy, timeout=0.1)],
    )
    metrics = runner.recorder.metrics
    assert metrics is not None and metrics.port
    port = metrics.port
    loop = threading.Thread(target=runner.run, kwargs={"install_signals": False})
    loop.start()
    try:
        samples = wait_for(
            lambda: scraped_when(port, lambda s: value(s, "heartbeat_job_runs_total", job="intraday") >= 5
                                 and value(s, "heartbeat_job_timeouts_total", job="sleepy") >= 1),
            what="five intraday runs and one timeout in the scraped metrics",
        )
        assert value(samples, "heartbeat_leader") == 1
        assert value(samples, "heartbeat_fencing_token") == 1
        assert value(samples, "heartbeat_job_failures_total", job="flaky") >= 1
        assert value(samples, "heartbeat_job_failures_total", job="flaky") == value(samples, "heartbeat_job_runs_total", job="flaky")
        assert value(samples, "heartbeat_job_failures_total", job="intraday") == 0
        assert value(samples, "heartbeat_job_running", job="sleepy") == 1, "still running past its timeout"
        assert value(samples, "heartbeat_job_duration_seconds_count", job="intraday") >= 5
        assert value(samples, "heartbeat_job_duration_seconds_bucket", job="intraday", le="+Inf") >= 5
        assert value(samples, "heartbeat_tick_lateness_seconds_count") >= 5
        assert value(samples, "heartbeat_ticks_total") >= 5
        # every job's series exists from the start, at zero
        assert ("heartbeat_job_missed_slots_total", (("job", "closed_bars_flush"),)) in samples
    finally:
        release.set()
        outstanding = runner.scheduler.outstanding.get("sleepy")
        assert outstanding is None or outstanding.handle.done.wait(10)
        runner.request_stop()
        loop.join(10)
    assert not loop.is_alive()
    after = scrape(port)
    assert value(after, "heartbeat_leader") == 0
    assert value(after, "heartbeat_job_runs_total", job="sleepy") >= 1, "the timed-out run is counted when it returns"
    metrics.close()


def test_missed_slots_are_counted_per_job(tmp_path: Path) -> None:
    from heartbeat.cadence import PredicateCadence, always_open
    from heartbeat.clock import FakeClock
    from heartbeat.locks import NoLock
    from heartbeat.metrics import Metrics
    from heartbeat.scheduler import Scheduler
    from heartbeat.status import StatusRecorder

    clock = FakeClock(start=1_700_000_000.0)

    def slow(ctx: JobContext) -> None:
        clock.advance(3.5)  # 3.5 s at a 1 s interval: strict order, so the canary loses slots

    jobs = [Job("slow", 1.0, "always", fn=slow, timeout=60.0), Job("canary", 1.0, "always", fn=lambda ctx: None)]
    metrics = Metrics(jobs)
    lock = NoLock("t:1")
    lock.acquire()
    recorder = StatusRecorder(None, leader_id="t:1", lock_kind="none", jobs=jobs, metrics=metrics)
    Scheduler(
        jobs, PredicateCadence(always_open, "t"), fast_tick=1.0, slow_tick=1.0, clock=clock, lock=lock, recorder=recorder,
        hooks=(lambda: None, lambda: None),
    ).run(max_ticks=5)
    canary = metrics.missed.labels(job="canary")._value.get()
    assert canary == recorder.jobs["canary"].missed_slots == 12  # 4 runs x 3 slots skipped each
    assert recorder.jobs["slow"].missed_slots == 12 and recorder.jobs["slow"].overruns == 5


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
def test_run_heartbeat_metrics_port_serves_metrics_and_a_taken_port_is_one_line_exit_2(tmp_path: Path) -> None:
    from tests.heartbeat.helpers import write_config

    config = write_config(tmp_path, tick=0.05)
    log = tmp_path / "runner.log"
    port = _free_port()
    process = spawn(config, "--metrics-port", str(port), env={JOURNAL_ENV: str(tmp_path / "journal.jsonl")}, log=log)
    try:
        wait_for(lambda: "Metrics: Prometheus exporter on" in log.read_text(), what="the exporter's start line")
        samples = wait_for(
            lambda: scraped_when(port, lambda s: value(s, "heartbeat_job_runs_total", job="intraday") >= 3),
            what="three scraped intraday runs",
        )
        assert value(samples, "heartbeat_leader") == 1
        # a second runner on the same port: one line, exit 2, nothing else started
        second = spawn(config, "--metrics-port", str(port), log=tmp_path / "second.log")
        assert second.wait(timeout=30) == 2
        lines = (tmp_path / "second.log").read_text().strip().splitlines()
        assert len(lines) == 1 and re.match(rf"thor-guard: error: --metrics-port {port}: cannot listen: ", lines[0]), lines
    finally:
        assert stop(process) == 0
    assert f"http://0.0.0.0:{port}/metrics" in log.read_text()
    time.sleep(0)  # nothing to wait for: the exporter dies with the process


def test_metrics_address_binds_only_the_given_interface_and_a_bad_one_is_a_config_error(tmp_path: Path) -> None:
    """``--metrics-address 127.0.0.1`` keeps the exporter on this host; an address the host does not have is
    a one-line :class:`ConfigError` naming both flags (the CLI turns it into exit 2)."""
    from heartbeat.jobs import Job
    from heartbeat.metrics import start_metrics
    from thor_guard.errors import ConfigError

    jobs = [Job("intraday", 0.05, "always", fn=lambda ctx: None)]
    local = start_metrics(0, jobs, address="127.0.0.1")
    try:
        assert local.server is not None and local.server.server_address[0] == "127.0.0.1"
        assert ("heartbeat_job_runs_total", (("job", "intraday"),)) in scrape(local.port)
    finally:
        local.close()
    with pytest.raises(ConfigError, match=r"^--metrics-address 192\.0\.2\.1 --metrics-port 0: cannot listen: "):
        start_metrics(0, jobs, address="192.0.2.1")  # TEST-NET-1: never an address of this host
