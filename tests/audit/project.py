"""Build throw-away projects for audit tests and run the audit on them."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from pathlib import Path

from thor_guard.audit import AuditOptions, AuditResult, SpawnReport, run_audit
from thor_guard.config import load_config

DEFAULT_TABLE = 'preset = "none"\n'
GUARD = """\
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
"""


def write_project(root: Path, files: Mapping[str, str], table: str = DEFAULT_TABLE) -> Path:
    """Write ``files`` (dedented) under ``root`` with a ``[tool.thor-guard]`` table; create package ``__init__``s."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(f"[tool.thor-guard]\n{table}", encoding="utf-8")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        parent = path.parent
        while parent != root and name.endswith(".py") and "/" in name:
            init = parent / "__init__.py"
            if not init.exists():
                init.write_text("", encoding="utf-8")
            parent = parent.parent
    return root


def audit(root: Path, *, use_cache: bool = False, jobs: int | None = 1) -> AuditResult:
    config = load_config([root])
    return run_audit(config, AuditOptions(use_cache=use_cache, jobs=jobs))


def by_function(result: AuditResult, kind: str | None = None) -> dict[str, SpawnReport]:
    """Spawn reports keyed by the enclosing function (optionally of one kind)."""
    found: dict[str, SpawnReport] = {}
    for spawn in result.spawns:
        if kind is None or spawn.kind == kind:
            found[spawn.function] = spawn
    return found


def only(result: AuditResult, kind: str | None = None) -> SpawnReport:
    spawns = [s for s in result.spawns if kind is None or s.kind == kind]
    assert len(spawns) == 1, [(s.function, s.kind, s.classification) for s in result.spawns]
    return spawns[0]
