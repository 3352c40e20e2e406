"""Target verdicts and the rendered table, from hand-made cells (no process is timed)."""

from __future__ import annotations

from benchmarks.report import Cell, evaluate_targets, render_table, render_targets

BASELINES = {"check": "thor-guard check", "audit": "thor-guard audit (cold)", "apply": "thor-guard apply", "startup": "python -c pass"}


def cell(scenario: str, tree: str, tool: str, samples: list[float], files: int = 100, **extra: object) -> Cell:
    cpu = [value / 2 for value in samples]  # CPU time is its own column: half the wall time here
    return Cell(scenario, tree, files, tool, "peer", samples=samples, cpu=cpu, peak_rss_mib=[50.0] * len(samples), **extra)  # type: ignore[arg-type]


def by_target(cells: list[Cell]) -> dict[tuple[str, str], tuple[str, bool | None]]:
    return {(t.tree, t.target): (t.measured, t.met) for t in evaluate_targets(cells, BASELINES)}


def test_check_targets_use_medians_of_the_same_tree() -> None:
    cells = [
        cell("check", "django", "thor-guard check (cold)", [0.2, 0.1, 0.3]),
        cell("check", "django", "thor-guard check (warm)", [0.05, 0.06, 0.04]),
        cell("check", "django", "fixit lint (check rule)", [3.0, 2.0, 100.0]),
        cell("check", "django", "semgrep (check rule)", [0.5]),
        cell("check", "django", "python -c pass", [0.02]),
        cell("check", "gen-1k", "thor-guard check (cold)", [1.0]),
        cell("check", "gen-1k", "fixit lint (check rule)", [20.0]),
    ]
    targets = by_target(cells)
    assert targets[("django", "check cold vs Fixit rule >= 20x")] == ("15.0x (CPU 15.0x)", False)
    assert targets[("django", "check cold vs semgrep >= 8x")] == ("2.50x (CPU 2.50x)", False)
    assert targets[("django", "check warm vs semgrep >= 20x")] == ("10.0x (CPU 10.0x)", False)
    assert targets[("django", "check warm <= 3x python -c pass")] == ("2.50x (CPU 2.50x)", True)
    assert targets[("gen-1k", "check cold vs Fixit rule >= 20x")] == ("20.0x (CPU 20.0x)", True)
    assert ("gen-1k", "check warm <= 3x python -c pass") not in targets


def test_unavailable_peer_is_not_a_verdict() -> None:
    cells = [
        cell("audit", "django", "thor-guard audit (cold)", [1.0]),
        cell("audit", "django", "semgrep (audit rule)", [], unavailable="semgrep is not installed"),
    ]
    measured, met = by_target(cells)[("django", "audit cold vs semgrep (faster) >= 1x")]
    assert met is None and "not installed" in measured
    assert "n/a" in render_table(cells, BASELINES)


def test_warm_cold_apply_identity_and_growth() -> None:
    cells = [
        cell("audit", "gen-1k", "thor-guard audit (cold)", [1.0], files=1000),
        cell("audit", "gen-1k", "thor-guard audit (warm)", [0.05], files=1000),
        cell("audit", "gen-5k", "thor-guard audit (cold)", [4.0], files=5000),
        cell("audit", "gen-20k", "thor-guard audit (cold)", [20.0], files=20000),
        cell("apply", "django", "thor-guard apply", [1.0], fingerprints=["x", "x"]),
        cell("apply", "django", "libcst.tool codemod -j 2", [2.0], fingerprints=["x"]),
        cell("apply", "gen-1k", "thor-guard apply", [1.0], fingerprints=["x"]),
        cell("apply", "gen-1k", "libcst.tool codemod -j 2", [4.0], fingerprints=["y"]),
    ]
    targets = by_target(cells)
    assert targets[("gen-1k", "audit warm vs cold >= 10x")] == ("20.0x (CPU 20.0x)", True)
    assert targets[("django", "apply vs libcst runner >= 3x")] == ("2.00x (CPU 2.00x)", False)
    assert targets[("django", "identical output")] == ("identical", True)
    assert targets[("gen-1k", "identical output")] == ("DIFFERENT", False)
    growth = {tree: value for (tree, name), value in targets.items() if name.startswith("audit cold grows")}
    assert growth["gen-1k->gen-5k"][1] is True  # k = log(4)/log(5) < 1
    assert growth["gen-5k->gen-20k"][1] is False  # k = log(5)/log(4) > 1
    assert growth["gen-5k->gen-20k"][0].startswith("k = 1.16")
    fitted = targets[("gen-1k..gen-20k", "audit cold grows <= linearly, fitted (k <= 1)")]
    assert fitted[0] == "k = 1.00; CPU k = 1.00" and fitted[1] is True  # 0.996: least squares over 1k, 5k, 20k


def test_startup_ratio_is_against_python_pass() -> None:
    cells = [
        cell("startup", "-", "python -c pass", [0.02, 0.02, 0.02]),
        cell("startup", "-", "thor-guard --version", [0.03]),
        cell("startup", "-", "thor-guard --help", [0.05]),
    ]
    targets = by_target(cells)
    assert targets[("-", "thor-guard --version < 1.5x python -c pass")] == ("1.50x (CPU 1.50x)", False)
    assert targets[("-", "thor-guard --help < 1.5x python -c pass")] == ("2.50x (CPU 2.50x)", False)
    cells[1] = cell("startup", "-", "thor-guard --version", [0.029])
    assert by_target(cells)[("-", "thor-guard --version < 1.5x python -c pass")] == ("1.45x (CPU 1.45x)", True)


def test_table_rows_ratios_and_failures() -> None:
    cells = [
        cell("check", "django", "thor-guard check", [0.1, 0.3, 0.2]),
        cell("check", "django", "fixit lint (check rule)", [4.0]),
        cell("check", "django", "ruff --select E711", [], failures=["exit 2: boom"]),
    ]
    table = render_table(cells, BASELINES)
    assert "| django | 100 | thor-guard check | 3 | 0.200 | 0.100-0.300 | 0.100 | 50 | 1.00x | 1.00x |" in table
    assert "| django | 100 | fixit lint (check rule) | 1 | 4.00 | 4.00-4.00 | 2.00 | 50 | 20.0x | 20.0x |" in table
    assert "| django | 100 | ruff --select E711 | 0 | failed | exit 2: boom | | | | |" in table
    rendered = render_targets(evaluate_targets(cells, BASELINES))
    assert "| check | django | check cold vs Fixit rule >= 20x | 20.0x (CPU 20.0x) | yes |" in rendered


def test_results_round_trip_through_json(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from benchmarks.report import cells_from_json, main

    cells = [cell("check", "django", "thor-guard check", [0.2]), cell("check", "django", "fixit lint (check rule)", [4.0])]
    document = {"cells": [c.to_json() for c in cells], "baselines": BASELINES}
    assert cells_from_json(json.loads(json.dumps(document))) == cells
    path = tmp_path / "r.json"
    path.write_text(json.dumps(document))
    assert main([str(path)]) == 0


def test_apply_on_the_example_must_only_not_be_slower() -> None:
    cells = [
        cell("apply", "legacy_thor", "thor-guard apply", [1.0]),
        cell("apply", "legacy_thor", "libcst.tool codemod -j 2", [1.1]),
        cell("apply", "gen-1k", "thor-guard apply", [1.0]),
        cell("apply", "gen-1k", "libcst.tool codemod -j 2", [2.9]),
    ]
    targets = by_target(cells)
    assert targets[("legacy_thor", "apply vs libcst runner >= 1x")] == ("1.10x (CPU 1.10x)", True)
    assert targets[("gen-1k", "apply vs libcst runner >= 3x")] == ("2.90x (CPU 2.90x)", False)
