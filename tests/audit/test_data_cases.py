"""Data-driven audit cases: one file under ``tests/data/audit/`` is one project and its expected sites.

A case file holds a header and the project's files::

    # audit-case: what the case shows
    # config: audit-spawners = ["app.util:in_background"]     (optional; TOML lines for [tool.thor-guard])
    # expect: TG010 thread app/apps.py:7 app-ready: app.apps:C.ready -> threading.Thread(...)
    # expect: guarded loop app/jobs.py:5 app-ready: app.apps:C.ready -> app.jobs:tick -> while-loop (time.sleep) [by app.jobs:tick]
    # proof: returns at its guard                               (optional; some TG013 proof contains it)
    # ===== app/apps.py
    ...source...

``expect`` lines list *every* spawn site the audit classifies (``# expect: nothing``
when there is none): the code (TG010/TG011/TG013) or classification (guarded,
allowed, unreachable), the kind, ``file:line``, the trigger's kind, and the call
path trigger first (``SpawnReport.path_text``), with ``[by X]`` naming the guarding function or the
inert target. So a bad case asserts the spawn is found along that path, and a good
case that the guarded or unreachable one is classified so and not reported.
Adding a case is adding a file (black's data-case style).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from thor_guard.audit import AuditOptions, SpawnReport, run_audit
from thor_guard.config import load_config

DATA = Path(__file__).resolve().parents[1] / "data" / "audit"
CASES = sorted(DATA.rglob("*.py"))
_FILE_MARK = "# ===== "


def parse_case(text: str) -> tuple[str, list[str], list[str], list[str], dict[str, str]]:
    """(description, config lines, expect lines, proof fragments, files) of one case file."""
    description = ""
    config: list[str] = []
    expect: list[str] = []
    proofs: list[str] = []
    files: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith(_FILE_MARK):
            current = files.setdefault(line[len(_FILE_MARK) :].strip(), [])
        elif current is not None:
            current.append(line)
        elif line.startswith("# audit-case:"):
            description = line.split(":", 1)[1].strip()
        elif line.startswith("# config:"):
            config.append(line.split(":", 1)[1].strip())
        elif line.startswith("# expect:"):
            expect.append(line.split(":", 1)[1].strip())
        elif line.startswith("# proof:"):
            proofs.append(line.split(":", 1)[1].strip())
        elif line.strip() and not line.startswith("#"):
            raise ValueError(f"unexpected header line {line!r}")
    return description, config, expect, proofs, {name: "\n".join(lines) + "\n" for name, lines in files.items()}


def site_line(spawn: SpawnReport, root: Path) -> str:
    rel = spawn.path.resolve().relative_to(root.resolve()).as_posix()
    via = f"{spawn.trigger_kind}: " if spawn.trigger_kind else ""
    text = f"{spawn.code or spawn.classification} {spawn.kind} {rel}:{spawn.line} {via}{spawn.path_text(' -> ')}"
    return text + (f" [by {spawn.guarded_by}]" if spawn.guarded_by else "")


def write_case(root: Path, config: list[str], files: dict[str, str]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    table = "\n".join(['preset = "none"', *config])
    (root / "pyproject.toml").write_text(f"[tool.thor-guard]\n{table}\n", encoding="utf-8")
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
        parent = path.parent
        while parent != root:
            init = parent / "__init__.py"
            if not init.exists():
                init.write_text("", encoding="utf-8")
            parent = parent.parent


def test_there_are_cases_for_every_family() -> None:
    families = {case.parent.name for case in CASES}
    assert {"spawners", "triggers", "indirect", "precision"} <= families


@pytest.mark.parametrize("case", CASES, ids=[c.relative_to(DATA).as_posix() for c in CASES])
def test_case(tmp_path: Path, case: Path) -> None:
    description, config, expect, proofs, files = parse_case(case.read_text(encoding="utf-8"))
    assert description, f"{case}: no '# audit-case:' line"
    assert expect, f"{case}: no '# expect:' line (write '# expect: nothing' for none)"
    assert files, f"{case}: no '# ===== path' file"
    root = tmp_path / "project"
    write_case(root, config, files)
    result = run_audit(load_config([root]), AuditOptions(use_cache=False, jobs=1))
    assert result.errors == ()
    found = sorted(site_line(s, root) for s in result.spawns)
    wanted = sorted(e for e in expect if e != "nothing")
    assert found == wanted
    inert = [s.proof for s in result.spawns if s.classification == "inert"]
    assert all(inert), "an inert site carries the verifier's proof"
    for fragment in proofs:
        assert any(fragment in proof for proof in inert if proof), fragment
