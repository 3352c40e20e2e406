"""An optional Prometheus exporter: ``run-heartbeat --metrics-port N`` (``pip install 'thor-guard[metrics]'``).

Built on the ``prometheus_client`` library. Every series is prefixed
``heartbeat_``; per-job series carry a ``job`` label. Scrape every runner of
a fleet (standbys report ``heartbeat_leader 0``). Counters count what happened in
this process since it started (the Prometheus convention; ``rate()`` and
``increase()`` handle restarts); the cumulative, failover-surviving counters
live in the status document (``heartbeat-status``).

========================================  =========  ====================================================
series                                    type       meaning
========================================  =========  ====================================================
``heartbeat_job_runs_total``              counter    runs that returned (ok or failed)
``heartbeat_job_failures_total``          counter    runs that raised (``BaseException`` included)
``heartbeat_job_timeouts_total``          counter    runs that outlived their timeout
``heartbeat_job_missed_slots_total``      counter    slots coalesced into a later run (stall, overrun)
``heartbeat_job_duration_seconds``        histogram  run time of returned runs
``heartbeat_job_running``                 gauge      1 while the job runs (also past its timeout)
``heartbeat_leader``                      gauge      1 while this process leads and runs jobs
``heartbeat_fencing_token``               gauge      the token of the current (or last) leadership
``heartbeat_tick_lateness_seconds``       histogram  how late the loop reached each tick's grid time
``heartbeat_ticks_total``                 counter    ticks run by this process
========================================  =========  ====================================================
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from thor_guard.errors import ConfigError

if TYPE_CHECKING:
    from heartbeat.jobs import Job

DURATION_BUCKETS = (0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)
LATENESS_BUCKETS = (0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0)


DEFAULT_ADDRESS = "0.0.0.0"
"""Listen on every IPv4 interface unless ``--metrics-address`` says otherwise (what Prometheus exporters do)."""


class Metrics:
    """The heartbeat's series in a registry of their own (several runners may share one test process).

    Implements :class:`heartbeat.status.MetricsSink`; only the scheduler's
    thread updates it, the HTTP thread only reads.
    """

    def __init__(self, jobs: Sequence[Job]) -> None:
        try:
            from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
        except ImportError as exc:
            raise ConfigError("--metrics-port needs prometheus_client: pip install 'thor-guard[metrics]'") from exc
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.runs = Counter("heartbeat_job_runs", "Job runs that returned (ok or failed).", ["job"], registry=r)
        self.failures = Counter("heartbeat_job_failures", "Job runs that raised, BaseException included.", ["job"], registry=r)
        self.timeouts = Counter("heartbeat_job_timeouts", "Job runs that outlived their timeout.", ["job"], registry=r)
        self.missed = Counter("heartbeat_job_missed_slots", "Slots coalesced into a later run.", ["job"], registry=r)
        self.duration = Histogram(
            "heartbeat_job_duration_seconds", "Run time of job runs that returned.", ["job"], buckets=DURATION_BUCKETS, registry=r
        )
        self.running = Gauge("heartbeat_job_running", "1 while the job runs (also past its timeout).", ["job"], registry=r)
        self.leading = Gauge("heartbeat_leader", "1 while this process leads and runs jobs.", registry=r)
        self.token = Gauge("heartbeat_fencing_token", "Fencing token of the current or last leadership.", registry=r)
        self.lateness = Histogram(
            "heartbeat_tick_lateness_seconds", "How late the loop reached each tick's grid time.", buckets=LATENESS_BUCKETS, registry=r
        )
        self.ticks = Counter("heartbeat_ticks", "Ticks run by this process.", registry=r)
        for job in jobs:  # every job's series exist from the start, at zero
            for family in (self.runs, self.failures, self.timeouts, self.missed, self.duration, self.running):
                family.labels(job=job.name)
        self.server: Any = None
        self.port: int | None = None

    # -- MetricsSink -------------------------------------------------------------

    def leader(self, leading: bool, fencing_token: int | None) -> None:
        self.leading.set(1 if leading else 0)
        if fencing_token is not None:
            self.token.set(fencing_token)

    def tick(self, lateness: float) -> None:
        self.ticks.inc()
        self.lateness.observe(max(0.0, lateness))

    def job_started(self, job: str) -> None:
        self.running.labels(job=job).set(1)

    def job_timed_out(self, job: str) -> None:
        self.timeouts.labels(job=job).inc()

    def job_finished(self, job: str, *, duration: float, failed: bool, timed_out: bool, missed: int) -> None:
        self.running.labels(job=job).set(0)
        self.runs.labels(job=job).inc()
        if failed:
            self.failures.labels(job=job).inc()
        if timed_out:
            self.timeouts.labels(job=job).inc()
        if missed > 0:
            self.missed.labels(job=job).inc(missed)
        self.duration.labels(job=job).observe(max(0.0, duration))

    # -- serving -----------------------------------------------------------------

    def serve(self, port: int, addr: str = DEFAULT_ADDRESS) -> int:
        """Serve ``/metrics`` over HTTP on a daemon thread; returns the bound port (``port`` 0 picks a free one).

        ``addr`` is the local address to listen on: ``0.0.0.0`` (every IPv4 interface, the default, as
        Prometheus exporters do), ``::`` (every interface), or one address such as ``127.0.0.1``.
        Raises :class:`~thor_guard.errors.ConfigError` when the address cannot be bound.
        """
        from prometheus_client import start_http_server

        try:
            server, _thread = start_http_server(port, addr=addr, registry=self.registry)
        except (OSError, ValueError) as exc:  # socket.gaierror (an OSError) for a name that does not resolve
            where = f"--metrics-port {port}" if addr == DEFAULT_ADDRESS else f"--metrics-address {addr} --metrics-port {port}"
            raise ConfigError(f"{where}: cannot listen: {getattr(exc, 'strerror', None) or exc}") from exc
        self.server = server
        self.port = int(server.server_port)
        return self.port

    def close(self) -> None:
        """Stop the HTTP server (tests; a runner process just exits)."""
        server, self.server = self.server, None
        if server is not None:
            threading.Thread(target=server.shutdown, daemon=True).start()
            server.server_close()


def start_metrics(
    port: int, jobs: Sequence[Job], *, address: str = DEFAULT_ADDRESS, logger: logging.Logger | None = None
) -> Metrics:
    """Create the series for ``jobs`` and serve them on ``address``:``port``; logs the URL.

    Raises :class:`~thor_guard.errors.ConfigError` when the address cannot be bound.
    """
    metrics = Metrics(jobs)
    bound = metrics.serve(port, address)
    host = f"[{address}]" if ":" in address else address
    (logger or logging.getLogger("heartbeat")).info("Metrics: Prometheus exporter on http://%s:%d/metrics", host, bound)
    return metrics
