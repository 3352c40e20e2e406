"""``python -m tests.check.generated --count 20000``: the big soundness run of the generated oracle.

Prints the number of generated cases, how many are really guarded (by
execution), how many of those ``check`` accepts (its precision), and every
unsound verdict, the first few minimised. Exit code 1 when any verdict is
unsound or the verifier crashed, 0 otherwise.
"""

from __future__ import annotations

import argparse
import sys
import time

from tests.check.generated.engine import describe, format_summary, minimise, precision_miss, run_all, shape, summarise
from tests.check.generated.oracle import Result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.check.generated", description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20000, help="distinct generated cases (default 20000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generator (default 1)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--batch", type=int, default=250, help="cases per subprocess (default 250)")
    parser.add_argument("--show", type=int, default=3, help="unsound cases to minimise and print (default 3)")
    parser.add_argument("--show-precision", type=int, default=0, metavar="N", help="also minimise and print N rejected, really guarded cases")
    parser.add_argument("--max-minutes", type=float, help="start no new batch after this long; summarise what was done")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    parser.add_argument("--markdown", metavar="FILE", help="also write every minimised unsound case to FILE (markdown)")
    args = parser.parse_args(argv)
    if args.count < 1 or args.jobs < 1 or args.batch < 1:
        print("error: --count, --jobs and --batch must be positive", file=sys.stderr)
        return 2
    started = time.monotonic()
    def progress(so_far: list[Result]) -> None:
        bad = sum(r.unsound for r in so_far)
        print(f"{len(so_far)}/{args.count} cases, {bad} unsound, {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)

    results = run_all(
        args.count,
        args.seed,
        jobs=args.jobs,
        batch_size=args.batch,
        progress=None if args.quiet else progress,
        deadline=None if args.max_minutes is None else started + 60 * args.max_minutes,
    )
    summary = summarise(results)
    # Minimise one case per class first, so the printed cases are different bugs.
    by_shape: dict[str, Result] = {}
    for result in summary.unsound:
        by_shape.setdefault(shape(result), result)
    minimised = [minimise(result) for result in list(by_shape.values())[: args.show]]
    print(format_summary(summary, args.show, minimised))
    misses: dict[str, Result] = {}
    for result in results:
        if precision_miss(result):
            misses.setdefault(next((t for t in result.case.tags if t.startswith("guard:")), "") + shape(result) + str(result.verdict.codes), result)
    precise = [minimise(result, precision_miss) for result in list(misses.values())[: args.show_precision]]
    for number, result in enumerate(precise, start=1):
        print(f"\n--- PRECISION #{number}: really guarded, rejected (minimised) ---\n{describe(result)}")
    if len(results) < args.count:
        print(f"\nSTOPPED by --max-minutes after {len(results)} of {args.count} cases")
    print(f"\n({time.monotonic() - started:.0f} s, seed {args.seed})")
    if args.markdown and (minimised or precise):
        with open(args.markdown, "w", encoding="utf-8") as handle:
            for number, result in enumerate(minimised, start=1):
                handle.write(f"### generated unsound #{number}\n\n{describe(result)}\n\n")
            for number, result in enumerate(precise, start=1):
                handle.write(f"### generated PRECISION #{number}\n\n{describe(result)}\n\n")
    return 1 if summary.unsound or summary.crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
