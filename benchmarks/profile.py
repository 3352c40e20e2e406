"""Profile one thor-guard command on a benchmark tree: where a missed target's time goes.

    python3 -m benchmarks.profile check django
    python3 -m benchmarks.profile audit gen-5k --no-cache -j 1
    python3 -m benchmarks.profile apply django --config thor-guard-apply.toml -j 1 --diff

Builds the tree (as the harness does), runs ``thor-guard <command> .`` inside
it in this process under cProfile, and prints the top entries by cumulative
and by own time. Worker processes are not profiled: pass ``-j 1`` to see the
parsing work in-process.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.trees import TREE_NAMES, build_tree


def profile_command(root: Path, argv: list[str], top: int) -> str:
    from thor_guard.cli import main as thor_guard_main

    profiler = cProfile.Profile()
    previous = Path.cwd()
    os.chdir(root)
    sink = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # apply --diff writes bytes to stdout's buffer
    started = time.perf_counter()
    try:
        with contextlib.redirect_stdout(sink):
            profiler.enable()
            try:
                thor_guard_main(argv)
            except SystemExit:
                pass
            finally:
                profiler.disable()
    finally:
        os.chdir(previous)
    wall = time.perf_counter() - started
    out = io.StringIO()
    out.write(f"thor-guard {' '.join(argv)}: {wall:.3f} s in-process\n")
    for key in ("cumulative", "tottime"):
        out.write(f"\n--- top {top} by {key} ---\n")
        stats = pstats.Stats(profiler, stream=out)
        stats.strip_dirs().sort_stats(key).print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m benchmarks.profile", description="Profile a thor-guard command on a benchmark tree.")
    parser.add_argument("command", choices=("check", "audit", "apply"))
    parser.add_argument("tree", choices=TREE_NAMES)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--seed", type=int, default=7)
    args, extra = parser.parse_known_args(argv)  # everything else goes to the thor-guard command
    extra = [item for item in extra if item != "--"]
    with tempfile.TemporaryDirectory(prefix="thor-guard-profile-") as workdir:
        tree = build_tree(args.tree, Path(workdir), args.seed)
        print(f"tree {tree.name}: {tree.files} files", file=sys.stderr)
        sys.stdout.write(profile_command(tree.root, [args.command, *extra, "."], args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
