"""Generate, evaluate in parallel batches, minimise and summarise.

Used by the pytest test (a few hundred cases) and by the dedicated command
``python -m tests.check.generated --count 20000``.
"""

from __future__ import annotations

import itertools
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed

from benchmarks.precision import categorise
from tests.check.generated.grammar import cases
from tests.check.generated.model import VALUES, Case
from tests.check.generated.oracle import Result, evaluate

CHUNK = 1000
"""Examples per hypothesis run; each run has its own seed (hypothesis repeats simple examples, so
cases are de-duplicated by their text)."""


def _key(case: Case) -> tuple:
    return (case.kind, case.is_async, tuple(sorted(case.files().items())), case.scenarios)


def generate(count: int, seed: int) -> Iterator[Case]:
    """``count`` distinct cases drawn from :func:`~tests.check.generated.grammar.cases`, deterministic for ``seed``."""
    seen: set[tuple] = set()
    produced = 0
    chunk_number = 0
    while produced < count:
        drawn: list[Case] = []

        @hypothesis_seed(seed * 100_003 + chunk_number)
        @settings(
            max_examples=min(CHUNK, 2 * count + 50),
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
            deadline=None,
        )
        @given(cases())
        def collect(case: Case) -> None:
            drawn.append(case)

        collect()
        chunk_number += 1
        fresh = 0
        for case in drawn:
            key = _key(case)
            if key in seen:
                continue
            seen.add(key)
            fresh += 1
            produced += 1
            yield case
            if produced >= count:
                return
        if fresh == 0 and chunk_number > 50:
            raise RuntimeError(f"the grammar produced only {produced} distinct cases")


def _evaluate_batch(batch: list[Case]) -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="tg-generated-") as workdir:
        return evaluate(batch, Path(workdir))


def _batches(stream: Iterator[Case], size: int) -> Iterator[list[Case]]:
    batch: list[Case] = []
    for case in stream:
        batch.append(case)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_all(
    count: int,
    seed: int,
    jobs: int = 2,
    batch_size: int = 250,
    progress: Callable[[list[Result]], None] | None = None,
    deadline: float | None = None,
) -> list[Result]:
    """Evaluate ``count`` generated cases with ``jobs`` worker processes (1 = in this process).

    ``progress`` is called with the results so far after every finished batch. Past ``deadline``
    (a ``time.monotonic()`` value) no new batch starts: the result then holds fewer than ``count``.
    """
    stream = _batches(generate(count, seed), batch_size)
    if deadline is not None:
        stream = itertools.takewhile(lambda _: time.monotonic() < deadline, stream)
    results: list[Result] = []

    def done(batch_results: list[Result]) -> None:
        results.extend(batch_results)
        if progress is not None:
            progress(results)

    if jobs <= 1:
        for batch in stream:
            done(_evaluate_batch(batch))
        return results
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending = []
        for batch in stream:
            pending.append(pool.submit(_evaluate_batch, batch))
            # Keep the pool fed without generating everything up front.
            while len(pending) > 2 * jobs:
                done(pending.pop(0).result())
        for future in pending:
            done(future.result())
    return results


def unsound(result: Result) -> bool:
    return result.unsound


def precision_miss(result: Result) -> bool:
    """Really guarded, in the documented language, and still rejected."""
    return result.judgement.guarded and not result.case.outside and not result.verdict.accepted


def minimise(result: Result, keep: Callable[[Result], bool] = unsound) -> Result:
    """Remove whole features while ``keep`` still holds (greedy, one batch per round)."""
    current = result
    while True:
        candidates = [current.case.without(i) for i in range(len(current.case.features))]
        if not candidates:
            return current
        smaller = [r for r in _evaluate_batch(candidates) if keep(r)]
        if not smaller:
            return current
        current = smaller[0]


@dataclass
class Summary:
    """The numbers the command prints and the test asserts on."""

    total: int
    guarded: int
    accepted_guarded: int
    guarded_in_language: int
    accepted_guarded_in_language: int
    accepted: int
    unsound: list[Result]
    crashes: list[Result]
    missed_by_tag: Counter = field(default_factory=Counter)
    """Really guarded, in-language, rejected: per guard shape, with the codes."""
    missed_by_message: Counter = field(default_factory=Counter)
    """The same cases per first finding message (quoted code, names and numbers blanked)."""

    @property
    def precision(self) -> float:
        return self.accepted_guarded / self.guarded if self.guarded else 1.0

    @property
    def precision_in_language(self) -> float:
        return self.accepted_guarded_in_language / self.guarded_in_language if self.guarded_in_language else 1.0


def shape(result: Result) -> str:
    """A coarse class of an unsound or rejected case: the world that broke, the guard's exit and form,
    and every construct that is not harmless on its own (so each class is one kind of bug)."""
    from tests.check.generated.grammar import PURE_FEATURES

    guard = next((t for t in result.case.tags if t.startswith("guard:")), "guard:none")
    shape_name, form, exit_kind = (guard.split(":", 1)[1].split("/") + ["", ""])[:3]
    others = sorted({t for t in result.case.tags if not t.startswith("guard:") and t not in PURE_FEATURES})
    world = result.judgement.reason.split(",")[0] if result.judgement.reason else "guarded"
    return f"{world} | {form}/{exit_kind} | {' '.join(others) or '-'}"


def summarise(results: list[Result]) -> Summary:
    guarded = [r for r in results if r.judgement.guarded]
    in_language = [r for r in guarded if not r.case.outside]
    missed: Counter = Counter()
    messages: Counter = Counter()
    for r in in_language:
        if not r.verdict.accepted:
            messages[categorise(r.verdict.codes[0] + " " + (r.verdict.messages[0] if r.verdict.messages else ""))] += 1
            guard = next((t for t in r.case.tags if t.startswith("guard:")), "no guard")
            missed[(guard, r.verdict.codes)] += 1
    return Summary(
        total=len(results),
        guarded=len(guarded),
        accepted_guarded=sum(r.verdict.accepted for r in guarded),
        guarded_in_language=len(in_language),
        accepted_guarded_in_language=sum(r.verdict.accepted for r in in_language),
        accepted=sum(r.verdict.accepted for r in results),
        unsound=[r for r in results if r.unsound],
        crashes=[r for r in results if "verifier-crash" in r.verdict.codes],
        missed_by_tag=missed,
        missed_by_message=messages,
    )


def describe(result: Result) -> str:
    """A self-contained markdown description of one case: files, verdict, what the runs showed."""
    case = result.case
    lines = [f"- entry point: `{case.target}` (kind {case.kind}{', async' if case.is_async else ''})"]
    lines.append(f"- features: {', '.join(case.tags)}")
    verdict = "accepted (no finding)" if result.verdict.accepted else f"{', '.join(result.verdict.codes)}: " + " | ".join(result.verdict.messages)
    lines.append(f"- check: {verdict}")
    lines.append(f"- execution: {result.judgement.reason or 'really guarded'}")
    for relative, text in case.files().items():
        if relative.endswith("__init__.py") and not text:
            continue
        if relative.endswith("util.py") and text.count("\n") <= 8:
            continue  # the untouched util.py header
        lines += ["", f"`{relative}`:", "```python", text.rstrip(), "```"]
    return "\n".join(lines)


def format_summary(summary: Summary, show: int, minimised: list[Result]) -> str:
    out = [
        f"generated cases:                     {summary.total}",
        f"really guarded (by execution):       {summary.guarded}",
        f"  accepted by check (precision):     {summary.accepted_guarded} ({summary.precision:.1%})",
        f"  in the documented language:        {summary.guarded_in_language}, accepted {summary.accepted_guarded_in_language} ({summary.precision_in_language:.1%})",
        f"accepted by check in total:          {summary.accepted}",
        f"verifier crashes:                    {len(summary.crashes)}",
        f"UNSOUND verdicts:                    {len(summary.unsound)}",
        f"values of {len(VALUES)}: " + ", ".join("unset" if v is None else repr(v) for v in VALUES),
    ]
    if summary.unsound:
        kinds = Counter(shape(r) for r in summary.unsound)
        out.append("")
        out.append("unsound verdicts by class (world | guard form/exit | constructs that are not harmless):")
        out += [f"  {n:5d}  {k}" for k, n in kinds.most_common(show * 3)]
    for number, result in enumerate(minimised, start=1):
        out += ["", f"--- unsound #{number} (minimised) ---", describe(result)]
    if summary.crashes:
        out += ["", "--- verifier crash ---", describe(summary.crashes[0])]
    if summary.missed_by_message:
        out += ["", "really guarded, in the language, rejected (first message, names blanked): count"]
        out += [f"  {n:5d}  {message}" for message, n in summary.missed_by_message.most_common(15)]
    if summary.missed_by_tag:
        out += ["", "really guarded, in the language, rejected (guard shape, codes): count"]
        out += [f"  {n:5d}  {tag} {','.join(codes)}" for (tag, codes), n in summary.missed_by_tag.most_common(15)]
    return "\n".join(out)
