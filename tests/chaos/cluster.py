"""The system under test: one redis-server and three real ``thor-guard run-heartbeat`` processes.

The harness starts them on a config with a short tick and lock TTL, names the
current leader (the pid inside the Redis lock value), injects faults and
records each one in the journal with the longest coverage gap it may explain.
All waiting is bounded polling (liveness), never a timing assertion: the
scenarios measure and report times, and assert only generous bounds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import redis

from heartbeat.settings import hash_tagged
from tests.chaos import journal
from tests.chaos.invariants import Verdict, check
from tests.chaos.journal import Fault, Run
from tests.chaos.journal_jobs import DIR_ENV, JOURNAL_ENV, hang_request
from tests.heartbeat.helpers import REPO, spawn, wait_for
from tests.redis_server import RedisServer

T = TypeVar("T")
LOCK_KEY = "chaos:heartbeat"
JOB_TICKS = {
    # job -> interval in ticks: one job on every tick (coverage), the others on coarser grids
    "intraday": 1,
    "week52_extremes": 2,
    "session_volume": 5,
    "market_metrics": 5,
    "twentyfour_hour": 10,
    "preopen_backtest": 10,
    "vwap_minute_capture": 20,
    "closed_bars_flush": 20,
}


@dataclass(frozen=True)
class ChaosSettings:
    tick: float = 0.05
    ttl: float = 1.0
    runners: int = 3
    slack: float = 0.5
    """Added to every bound, for a 2-core machine shared with other work; the measured values are reported."""
    liveness: float = 30.0
    """How long to wait for something that must happen before calling it a failure."""


def poll(predicate: Callable[[], T | None], timeout: float, what: str, interval: float = 0.01) -> T:
    """Bounded polling with the chaos suite's finer default interval (see :func:`wait_for`)."""
    return wait_for(predicate, timeout, f"chaos: {what}", interval)


class Cluster:
    """Owns the Redis server, the runner processes and the journal of one scenario."""

    def __init__(self, workdir: Path, settings: ChaosSettings | None = None) -> None:
        self.settings = settings or ChaosSettings()
        self.workdir = workdir
        self.journal = workdir / "journal.sqlite"
        self.redis = RedisServer()
        self.processes: dict[int, subprocess.Popen[bytes]] = {}
        self.logs: dict[int, Path] = {}
        self.deaths: dict[int, float] = {}
        self.faults: list[Fault] = []
        self.exit_codes: dict[int, int] = {}

    # -- lifecycle -----------------------------------------------------------

    def start(self) -> None:
        self.redis.start()
        journal.create(self.journal)
        self.config = self._write_config()
        for _ in range(self.settings.runners):
            self.spawn_runner()

    def _write_config(self) -> Path:
        s = self.settings
        lines = [
            f'source-roots = ["{REPO}"]',
            "[heartbeat]",
            f"fast-tick = {s.tick}",
            f"slow-tick = {s.tick}",
            'lock = "redis"',
            f"lock-ttl = {s.ttl}",
            f'lock-key = "{LOCK_KEY}"',
            f'redis-url = "{self.redis.url}"',
            'cadence = "heartbeat.cadence:always_open"',
            "[heartbeat.jobs]",
        ]
        for name, ticks in JOB_TICKS.items():
            lines.append(f'{name} = {{ target = "tests.chaos.journal_jobs:record", interval = {ticks * s.tick:g}, when = "always" }}')
        path = self.workdir / "chaos.toml"
        path.write_text("\n".join(lines) + "\n")
        return path

    def spawn_runner(self) -> int:
        index = len(self.logs)
        log = self.workdir / f"runner-{index}.log"
        process = spawn(self.config, env={JOURNAL_ENV: str(self.journal), DIR_ENV: str(self.workdir)}, log=log)
        self.processes[process.pid] = process
        self.logs[process.pid] = log
        return process.pid

    def alive(self) -> list[int]:
        return [pid for pid, p in self.processes.items() if p.poll() is None]

    def stop_all(self, timeout: float = 15.0) -> dict[int, int]:
        """SIGTERM the standbys, then the leader (so shutdown adds no handover); collect exit codes."""
        leader = self.leader_pid()
        standbys = [pid for pid in self.alive() if pid != leader]
        for group in (standbys, [pid for pid in self.alive() if pid not in standbys]):
            for pid in group:
                self.processes[pid].send_signal(signal.SIGTERM)
            for pid in group:
                try:
                    self.exit_codes[pid] = self.processes[pid].wait(timeout=timeout)
                except subprocess.TimeoutExpired:
                    self.deaths[pid] = time.time()
                    self.processes[pid].kill()
                    self.exit_codes[pid] = self.processes[pid].wait()
        return dict(self.exit_codes)

    def close(self) -> None:
        for pid in self.alive():
            process = self.processes[pid]
            process.send_signal(signal.SIGCONT)  # a paused process cannot act on SIGTERM
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self.redis.process is not None:
            self.redis.process.send_signal(signal.SIGCONT)
        self.redis.close()

    # -- observation ---------------------------------------------------------

    def leader_pid(self) -> int | None:
        """The pid inside the lock value (``host:pid:random``), or None when nobody holds it or Redis is down."""
        try:
            value = redis.Redis(unix_socket_path=str(self.redis.socket), socket_timeout=0.5).get(hash_tagged(LOCK_KEY))
        except redis.RedisError:
            return None
        if value is None:
            return None
        parts = value.decode().rsplit(":", 2)
        return int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else None

    def runs(self) -> list[Run]:
        return journal.read_runs(self.journal)

    def log_text(self, pid: int) -> str:
        return self.logs[pid].read_text(errors="replace")

    def wait_for_run(self, *, after: float, pid: int | None = None, exclude: int | None = None, count: int = 1) -> Run:
        """The first run that starts after ``after`` (by ``pid`` / not by ``exclude``), once ``count`` such runs exist."""

        def found() -> Run | None:
            matching = [
                r for r in self.runs() if r.start > after and (pid is None or r.pid == pid) and (exclude is None or r.pid != exclude)
            ]
            return matching[0] if len(matching) >= count else None

        return poll(found, self.settings.liveness, f"a run after {after:.3f} (pid={pid}, exclude={exclude})")

    def settle(self, runs: int = 10) -> int:
        """Wait until one process leads and runs jobs and every other process stands by; return the leader's pid."""
        s = self.settings

        def ready() -> int | None:
            leader = self.leader_pid()
            alive = self.alive()
            if leader is None or leader not in alive:
                return None
            standbys = [pid for pid in alive if pid != leader]
            if not all("Standby" in self.log_text(pid) for pid in standbys):
                return None
            return leader

        leader = poll(ready, s.liveness, "a leader with every other runner on standby")
        since = time.time()
        self.wait_for_run(after=since, pid=leader, count=runs)
        return poll(lambda: self.leader_pid() if self.leader_pid() == leader else None, s.liveness, "a stable leader")

    def idle_moment(self) -> None:
        """Sleep until half a tick after the next grid point: the leader has finished that tick's jobs by then."""
        tick = self.settings.tick
        now = time.time()
        target = (int(now / tick) + 1) * tick + tick / 2
        time.sleep(max(0.0, target - now))

    def open_runs(self, pid: int) -> list[Run]:
        return [r for r in self.runs() if r.pid == pid and r.end is None]

    # -- faults --------------------------------------------------------------

    def add_fault(self, kind: str, pid: int | None, start: float, end: float, allowance: float) -> Fault:
        fault = Fault(kind, pid, start, end, allowance)
        self.faults.append(fault)
        journal.record_fault(self.journal, fault)
        return fault

    def kill(self, pid: int) -> tuple[float, float]:
        """SIGKILL and reap; return (sent, dead). The reap time bounds the process's unfinished run, if any."""
        sent = time.time()
        self.processes[pid].send_signal(signal.SIGKILL)
        self.exit_codes[pid] = self.processes[pid].wait(timeout=10)
        dead = time.time()
        self.deaths[pid] = dead
        return sent, dead

    def freeze(self, pid: int) -> float:
        """SIGSTOP and wait until every thread of ``pid`` is stopped; return that moment (nothing of it runs after)."""
        self.processes[pid].send_signal(signal.SIGSTOP)

        def stopped() -> bool:
            states = []
            for task in Path(f"/proc/{pid}/task").iterdir():
                try:
                    states.append((task / "stat").read_text().rsplit(")", 1)[1].split()[0])
                except (FileNotFoundError, IndexError):
                    continue  # a thread that ended meanwhile
            return bool(states) and all(state in "tT" for state in states)

        poll(stopped, self.settings.liveness, f"pid {pid} to stop")
        return time.time()

    def terminate(self, pid: int) -> int:
        """SIGTERM and wait for the exit code (a clean stop, not a fault)."""
        self.processes[pid].send_signal(signal.SIGTERM)
        self.exit_codes[pid] = self.processes[pid].wait(timeout=15)
        return self.exit_codes[pid]

    def pause_while_idle(self, pid: int, attempts: int = 20) -> float:
        """SIGSTOP ``pid`` between ticks; if the journal shows it mid-job, let it go and try at the next tick.

        Pausing a process in the middle of a job is a different scenario (the job
        finishes after the pause, with its old fencing token: what only a store
        that checks the token can reject); this one pauses a leader between jobs.
        """
        process = self.processes[pid]
        for _ in range(attempts):
            self.idle_moment()
            paused = self.freeze(pid)
            if not self.open_runs(pid):
                return paused
            process.send_signal(signal.SIGCONT)
        raise AssertionError(f"chaos: pid {pid} was mid-job at {attempts} pause attempts")

    def request_hang(self, job: str, seconds: float) -> Path:
        request = hang_request(self.workdir, job)
        tmp = request.with_suffix(".tmp")
        tmp.write_text(f"{seconds}\n")
        os.replace(tmp, request)
        return request

    # -- verdict -------------------------------------------------------------

    def finish(self) -> Verdict:
        """Stop every runner cleanly and judge the whole journal."""
        self.stop_all()
        s = self.settings
        return check(self.runs(), self.faults, tick=s.tick, slack=s.slack, deaths=self.deaths)
