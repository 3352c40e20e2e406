"""``python3 -m benchmarks``: time thor-guard against its peers, alternating, and write a table and JSON.

For every (tree, scenario) the contenders run in rounds: each round runs each
contender once, in an order rotated per round, so that drift on the shared
machine (other jobs, thermal state) lands on every tool alike. A contender
stops getting rounds once it has used its time budget (slow peers on the big
trees) but always runs at least once. Results: a Markdown table on stdout and
``benchmarks/results/bench-<UTC time>.json`` (plus ``latest.json``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path

from benchmarks.measure import run_once
from benchmarks.report import Cell, evaluate_targets, render_table, render_targets
from benchmarks.scenarios import (
    SCENARIOS,
    Scenario,
    apply_scenario,
    audit_scenario,
    base_env,
    check_scenario,
    offline_prefix,
    startup_scenario,
)
from benchmarks.trees import REPO, TREE_NAMES, build_tree

RESULTS = REPO / "benchmarks" / "results"
DEFAULT_TREES = {
    "check": ("legacy_thor", "django", "gen-1k", "gen-5k", "gen-20k"),
    "audit": ("legacy_thor", "django", "gen-1k", "gen-5k", "gen-20k"),
    "apply": ("legacy_thor", "django", "gen-1k"),
}


def _csv(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python3 -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: legacy_thor and gen-1k, 2 runs, small budgets")
    parser.add_argument(
        "--trees", type=_csv, default=None,
        help=f"comma-separated subset of {','.join(TREE_NAMES)} (apply runs on legacy_thor, django and gen-1k only)",
    )
    parser.add_argument("--scenarios", type=_csv, default=None, help=f"comma-separated subset of {','.join(SCENARIOS)}")
    parser.add_argument("--runs", type=int, default=None, help="rounds per cell (default 3; --quick 2); start-up gets 5x as many")
    parser.add_argument(
        "--budget", type=float, default=None,
        help="wall seconds a peer may use per cell before it stops getting rounds (default 40; --quick 10); thor-guard and the floors get every round",
    )
    parser.add_argument(
        "--fixit-trees", type=_csv, default=("legacy_thor", "django"),
        help="trees Fixit runs on (default legacy_thor,django: at ~1 file/s on a loaded 2-core machine it would take hours on the big trees)",
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="-j for apply and the libcst runner (default: CPU count)")
    parser.add_argument(
        "--peer-max-files", type=int, default=5000,
        help="skip peers whose cost grows with the tree (Fixit, semgrep, libcst) on trees above this many files (default 5000; 0: never skip)",
    )
    parser.add_argument("--seed", type=int, default=7, help="seed of the generated trees")
    parser.add_argument("--workdir", type=Path, default=None, help="where trees are built (default: a temporary directory, removed after)")
    parser.add_argument("--output", type=Path, default=None, help="JSON path (default: benchmarks/results/bench-<time>.json)")
    args = parser.parse_args(argv)
    args.peer_max_files = args.peer_max_files or None
    args.runs = args.runs or (2 if args.quick else 3)
    args.budget = args.budget if args.budget is not None else (10.0 if args.quick else 40.0)
    scenarios = args.scenarios or SCENARIOS
    unknown = set(scenarios) - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenario(s) {', '.join(sorted(unknown))}; choose from {', '.join(SCENARIOS)}")
    args.scenarios = scenarios
    trees = args.trees or (("legacy_thor", "gen-1k") if args.quick else TREE_NAMES)
    unknown = set(trees) - set(TREE_NAMES)
    if unknown:
        parser.error(f"unknown tree(s) {', '.join(sorted(unknown))}; choose from {', '.join(TREE_NAMES)}")
    args.trees = trees
    return args


def run_scenario(scenario: Scenario, runs: int, budget: float, log: bool = True) -> list[Cell]:
    """Alternate the contenders for up to ``runs`` rounds; every contender runs at least once."""
    tree_name = scenario.tree.name if scenario.tree else "-"
    files = scenario.tree.files if scenario.tree else 0
    cells = [Cell(scenario.name, tree_name, files, c.tool, c.role, unavailable=c.unavailable) for c in scenario.contenders]
    spent = [0.0] * len(cells)
    env = base_env()
    for round_index in range(runs):
        order = list(range(len(cells)))
        shift = round_index % len(order)
        order = order[shift:] + order[:shift]
        for index in order:
            contender, cell = scenario.contenders[index], cells[index]
            over_budget = contender.role == "peer" and cell.samples and spent[index] >= budget
            if contender.unavailable or over_budget or len(cell.failures) >= 2:
                continue
            if contender.prepare is not None:
                contender.prepare()
            result = run_once(contender.argv, contender.cwd, {**env, **contender.env})
            spent[index] += result.wall
            if result.returncode not in contender.ok_codes:
                cell.failures.append(f"exit {result.returncode}: {result.stderr_tail.strip()[-300:] or result.stdout_tail.strip()[-300:]}")
                if log:
                    print(f"  ! {tree_name} {scenario.name} {contender.tool}: {cell.failures[-1]}", file=sys.stderr)
                continue
            cell.samples.append(result.wall)
            cell.cpu.append(result.cpu)
            cell.peak_rss_mib.append(result.peak_rss_mib)
            if contender.fingerprint is not None:
                cell.fingerprints.append(contender.fingerprint())
            if log:
                print(
                    f"  {tree_name:>11} {scenario.name:<7} {contender.tool:<32} {result.wall:8.3f} s wall {result.cpu:8.3f} s cpu {result.peak_rss_mib:6.0f} MiB",
                    file=sys.stderr,
                    flush=True,
                )
    return cells


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out: dict[str, str] = {"python": platform.python_version()}
    for distribution in ("libcst", "fixit", "django", "psutil", "thor-guard", "click"):
        try:
            out[distribution] = version(distribution)
        except PackageNotFoundError:
            out[distribution] = "missing"
    for tool, flag in (("ruff", "--version"), ("semgrep", "--version")):
        try:
            done = subprocess.run([tool, flag], capture_output=True, text=True, timeout=120, env={**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0"})
            out[tool] = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "?"
        except (OSError, subprocess.TimeoutExpired):
            out[tool] = "missing"
    return out


def _git_revision() -> str:
    """HEAD plus the uncommitted files of the measured code (others work in this tree while we measure)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "thor_guard", "codemods"], cwd=REPO, capture_output=True, text=True, timeout=10
        ).stdout.split("\n")
    except OSError:
        return "?"
    changed = [line[3:] for line in dirty if line.strip()]
    return head + (f" + uncommitted: {', '.join(changed)}" if changed else "")


def iter_scenarios(args: argparse.Namespace, workdir: Path) -> Iterator[Scenario]:
    """Scenarios in run order; each tree is built just before its scenarios and removed after them."""
    if "startup" in args.scenarios:
        yield startup_scenario(workdir)
    for name in args.trees:
        wanted = [s for s in ("check", "audit", "apply") if s in args.scenarios and name in DEFAULT_TREES[s]]
        if not wanted:
            continue
        started = time.perf_counter()
        tree = build_tree(name, workdir, args.seed)
        print(f"tree {name}: {tree.files} files, built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        for scenario in wanted:
            if scenario == "check":
                yield check_scenario(tree, args.peer_max_files, fixit=name in args.fixit_trees)
            elif scenario == "audit":
                yield audit_scenario(tree, args.peer_max_files, fixit=name in args.fixit_trees)
            else:
                yield apply_scenario(tree, workdir, args.jobs, args.peer_max_files)
        for leftover in workdir.glob(f"{name}*"):
            shutil.rmtree(leftover, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = datetime.now(timezone.utc)
    load_before = os.getloadavg()
    temporary = None
    if args.workdir is None:
        temporary = tempfile.TemporaryDirectory(prefix="thor-guard-bench-")
        workdir = Path(temporary.name)
    else:
        workdir = args.workdir.resolve()
        workdir.mkdir(parents=True, exist_ok=True)
    try:
        cells: list[Cell] = []
        baselines: dict[str, str] = {}
        # Trees are built lazily, one after the other, so the 20k tree only exists while it is measured.
        for scenario in iter_scenarios(args, workdir):
            baselines[scenario.name] = scenario.baseline
            runs = args.runs * 5 if scenario.name == "startup" else args.runs
            cells.extend(run_scenario(scenario, runs, args.budget))
    finally:
        if temporary is not None:
            temporary.cleanup()
    targets = evaluate_targets(cells, baselines)
    table = render_table(cells, baselines) + "\n" + render_targets(targets)
    print(table)
    document = {
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "loadavg_before": load_before, "loadavg_after": os.getloadavg()},
        "revision": _git_revision(),
        "versions": _versions(),
        "semgrep_network": offline_prefix()[1],
        "options": {"runs": args.runs, "budget_s": args.budget, "fixit_trees": list(args.fixit_trees), "peer_max_files": args.peer_max_files, "jobs": args.jobs, "seed": args.seed, "trees": list(args.trees), "scenarios": list(args.scenarios), "quick": args.quick},
        "baselines": baselines,
        "cells": [cell.to_json() for cell in cells],
        "targets": [target.__dict__ for target in targets],
        "table_markdown": table,
    }
    output = args.output or RESULTS / f"bench-{started.strftime('%Y%m%dT%H%M%SZ')}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(document, indent=2, default=str)
    output.write_text(text)
    (output.parent / "latest.json").write_text(text)
    print(f"results: {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
