"""Turn measured cells into ratios, target verdicts and a Markdown table (pure: no processes here).

A *cell* is every run of one tool on one tree in one scenario. Ratios are
always taken between cells of the same invocation, which ran alternately on
the same tree, so a busy shared machine slows both sides alike.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from benchmarks.stats import Summary, fitted_exponent, format_ratio, format_seconds, growth_exponent, ratio, summarise


@dataclass
class Cell:
    scenario: str
    tree: str
    tree_files: int
    tool: str
    role: str
    samples: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_rss_mib: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    unavailable: str | None = None
    fingerprints: list[str] = field(default_factory=list)

    @property
    def summary(self) -> Summary | None:
        return summarise(self.samples) if self.samples else None

    @property
    def median(self) -> float | None:
        summary = self.summary
        return summary.median if summary else None

    @property
    def cpu_median(self) -> float | None:
        return summarise(self.cpu).median if self.cpu else None

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        summary = self.summary
        data["median"] = summary.median if summary else None
        data["cpu_median"] = self.cpu_median
        data["min"] = summary.minimum if summary else None
        data["max"] = summary.maximum if summary else None
        data["peak_rss_mib_max"] = max(self.peak_rss_mib) if self.peak_rss_mib else None
        return data


@dataclass(frozen=True)
class TargetResult:
    scenario: str
    tree: str
    target: str
    measured: str
    met: bool | None
    """None when it could not be measured (a peer unavailable, a tree not run)."""


def find(cells: Iterable[Cell], scenario: str, tree: str, tool_prefix: str) -> Cell | None:
    for cell in cells:
        if cell.scenario == scenario and cell.tree == tree and cell.tool.startswith(tool_prefix):
            return cell
    return None


def cell_ratio(cell: Cell, baseline: Cell | None) -> float | None:
    """``cell`` median over ``baseline`` median (how many times slower than the baseline)."""
    if baseline is None or cell.median is None or baseline.median is None:
        return None
    return ratio(cell.median, baseline.median)


def _speedup_target(cells: Sequence[Cell], scenario: str, tree: str, subject: str, peer: str, at_least: float, label: str) -> TargetResult | None:
    subject_cell, peer_cell = find(cells, scenario, tree, subject), find(cells, scenario, tree, peer)
    if subject_cell is None or peer_cell is None:
        return None
    text = f"{label} >= {at_least:g}x"
    if peer_cell.unavailable:
        return TargetResult(scenario, tree, text, f"n/a ({peer_cell.unavailable})", None)
    value = cell_ratio(peer_cell, subject_cell)
    if value is None:
        return TargetResult(scenario, tree, text, "not measured (runs failed)", None)
    cpu = ratio(peer_cell.cpu_median, subject_cell.cpu_median) if peer_cell.cpu_median and subject_cell.cpu_median else None
    measured = format_ratio(value) + (f" (CPU {format_ratio(cpu)})" if cpu is not None else "")
    return TargetResult(scenario, tree, text, measured, value >= at_least)


def evaluate_targets(cells: Sequence[Cell], baselines: dict[str, str]) -> list[TargetResult]:
    """Issue 7's targets, each judged on ratios from this invocation."""
    results: list[TargetResult | None] = []
    trees = list(dict.fromkeys(c.tree for c in cells))
    for tree in trees:
        # Issue 15: cold >= 20x Fixit and >= 8x semgrep; warm >= 20x semgrep and <= 3x `python -c pass`.
        results.append(_speedup_target(cells, "check", tree, "thor-guard check", "fixit", 20, "check cold vs Fixit rule"))
        results.append(_speedup_target(cells, "check", tree, "thor-guard check", "semgrep", 8, "check cold vs semgrep"))
        results.append(_speedup_target(cells, "check", tree, "thor-guard check (warm)", "semgrep", 20, "check warm vs semgrep"))
        warm, floor = find(cells, "check", tree, "thor-guard check (warm)"), find(cells, "check", tree, "python -c pass")
        if warm is not None and floor is not None:
            value = cell_ratio(warm, floor)
            if value is not None:
                cpu = ratio(warm.cpu_median, floor.cpu_median) if warm.cpu_median and floor.cpu_median else None
                measured = format_ratio(value) + (f" (CPU {format_ratio(cpu)})" if cpu is not None else "")
                results.append(TargetResult("check", tree, "check warm <= 3x python -c pass", measured, value <= 3))
        results.append(_speedup_target(cells, "audit", tree, "thor-guard audit (cold)", "fixit", 5, "audit cold vs Fixit rule"))
        results.append(_speedup_target(cells, "audit", tree, "thor-guard audit (cold)", "semgrep", 1, "audit cold vs semgrep (faster)"))
        results.append(_speedup_target(cells, "audit", tree, "thor-guard audit (warm)", "thor-guard audit (cold)", 10, "audit warm vs cold"))
        apply_subject = find(cells, "apply", tree, "thor-guard apply")
        # Issue 15: >= 3x where there is work (Django, generated trees); on the example (6 small files) not slower.
        apply_goal = 1 if tree == "legacy_thor" else 3
        results.append(_speedup_target(cells, "apply", tree, "thor-guard apply", "libcst.tool codemod", apply_goal, "apply vs libcst runner"))
        apply_peer = find(cells, "apply", tree, "libcst.tool codemod")
        if apply_subject is not None and apply_peer is not None and apply_subject.fingerprints and apply_peer.fingerprints:
            same = set(apply_subject.fingerprints) == set(apply_peer.fingerprints) and len(set(apply_subject.fingerprints)) == 1
            results.append(TargetResult("apply", tree, "identical output", "identical" if same else "DIFFERENT", same))
    results.extend(_growth_targets(cells))
    floor = find(cells, "startup", "-", "python -c pass")
    for tool in ("thor-guard --version", "thor-guard --help"):
        cell = find(cells, "startup", "-", tool)
        if cell is not None and floor is not None:
            value = cell_ratio(cell, floor)
            if value is not None:
                cpu = ratio(cell.cpu_median, floor.cpu_median) if cell.cpu_median and floor.cpu_median else None
                measured = format_ratio(value) + (f" (CPU {format_ratio(cpu)})" if cpu is not None else "")
                results.append(TargetResult("startup", "-", f"{tool} < 1.5x python -c pass", measured, value < 1.5))
    return [r for r in results if r is not None]


def _growth_targets(cells: Sequence[Cell]) -> list[TargetResult]:
    """Audit cold must grow no worse than linearly: the exponent k of t ~ n^k between generated sizes."""
    points = sorted(
        (c.tree_files, c.median, c.tree)
        for c in cells
        if c.scenario == "audit" and c.tool == "thor-guard audit (cold)" and c.tree.startswith("gen-") and c.median
    )
    out = []
    for (n1, t1, a), (n2, t2, b) in zip(points, points[1:]):
        k = growth_exponent(n1, t1, n2, t2)
        out.append(TargetResult("audit", f"{a}->{b}", "audit cold grows <= linearly (k <= 1)", f"k = {k:.2f} ({t1:.2f} s -> {t2:.2f} s)", k <= 1.0))
    if len(points) >= 3:
        # One exponent over every size (issue 15): least squares on log-log, in wall and in CPU seconds.
        k = fitted_exponent([(n, t) for n, t, _ in points])
        cold = {c.tree: c for c in cells if c.scenario == "audit" and c.tool == "thor-guard audit (cold)"}
        cpu_points = [(n, cold[tree].cpu_median) for n, _, tree in points if cold[tree].cpu_median]
        cpu = f"; CPU k = {fitted_exponent(cpu_points):.2f}" if len(cpu_points) == len(points) else ""  # type: ignore[arg-type]
        span = f"{points[0][2]}..{points[-1][2]}"
        out.append(TargetResult("audit", span, "audit cold grows <= linearly, fitted (k <= 1)", f"k = {k:.2f}{cpu}", k <= 1.0))
    return out


def render_table(cells: Sequence[Cell], baselines: dict[str, str]) -> str:
    """One Markdown table per scenario: median, min-max, peak RSS and the ratio to the scenario's baseline."""
    out: list[str] = []
    for scenario in dict.fromkeys(c.scenario for c in cells):
        rows = [c for c in cells if c.scenario == scenario]
        baseline_tool = baselines.get(scenario, "")
        out.append(f"### {scenario} (ratio = median / median of `{baseline_tool}`)")
        out.append("")
        out.append("| tree | files | tool | runs | median s | min-max s | CPU s | peak RSS MiB | ratio | CPU ratio |")
        out.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|")
        for cell in rows:
            baseline = find(cells, scenario, cell.tree, baseline_tool) if baseline_tool else None
            if cell.unavailable:
                out.append(f"| {cell.tree} | {cell.tree_files} | {cell.tool} | 0 | n/a | {cell.unavailable} | | | | |")
                continue
            summary = cell.summary
            if summary is None:
                reason = cell.failures[-1] if cell.failures else "not run"
                out.append(f"| {cell.tree} | {cell.tree_files} | {cell.tool} | 0 | failed | {_one_line(reason)} | | | | |")
                continue
            rss = f"{max(cell.peak_rss_mib):.0f}" if cell.peak_rss_mib else ""
            value = cell_ratio(cell, baseline)
            cpu_value = ratio(cell.cpu_median, baseline.cpu_median) if baseline and cell.cpu_median and baseline.cpu_median else None
            cpu = format_seconds(cell.cpu_median) if cell.cpu_median is not None else ""
            failed = f" ({len(cell.failures)} failed)" if cell.failures else ""
            out.append(
                f"| {cell.tree} | {cell.tree_files} | {cell.tool} | {summary.runs}{failed} | {format_seconds(summary.median)} | "
                f"{format_seconds(summary.minimum)}-{format_seconds(summary.maximum)} | {cpu} | {rss} | {format_ratio(value)} | {format_ratio(cpu_value)} |"
            )
        out.append("")
    return "\n".join(out)


def render_targets(targets: Sequence[TargetResult]) -> str:
    out = ["### targets", "", "| scenario | tree | target | measured | met |", "|---|---|---|---|---|"]
    for t in targets:
        verdict = "n/a" if t.met is None else ("yes" if t.met else "**no**")
        out.append(f"| {t.scenario} | {t.tree} | {t.target} | {t.measured} | {verdict} |")
    return "\n".join(out) + "\n"


def _one_line(text: str, limit: int = 80) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"



def cells_from_json(document: dict[str, object]) -> list[Cell]:
    """Rebuild the cells of a results file (``benchmarks/results/*.json``)."""
    names = {f.name for f in fields(Cell)}
    return [Cell(**{k: v for k, v in raw.items() if k in names}) for raw in document["cells"]]  # type: ignore[union-attr, arg-type]


def main(argv: Sequence[str] | None = None) -> int:
    """``python3 -m benchmarks.report RESULTS.json...``: re-render tables and targets from saved results."""
    paths = list(sys.argv[1:] if argv is None else argv)
    if not paths:
        print("usage: python3 -m benchmarks.report RESULTS.json [RESULTS.json...]", file=sys.stderr)
        return 2
    cells: list[Cell] = []
    baselines: dict[str, str] = {}
    for path in paths:
        document = json.loads(Path(path).read_text())
        cells.extend(cells_from_json(document))
        baselines.update(document["baselines"])
    print(render_table(cells, baselines) + "\n" + render_targets(evaluate_targets(cells, baselines)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
