"""Build small throw-away projects for the apply CLI tests from the data-driven cases."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.apply.cases import DATA

PYPROJECT = """[tool.thor-guard]
preset = "none"
entry-points = [{entries}]
stale-flags = ["HEARTBEAT_ENABLED"]
"""


def make_project(root: Path, cases: dict[str, str], entries: tuple[str, ...] = ("pkg.*:*start*",)) -> Path:
    """Copy ``{module_name: case_name}`` into ``root/pkg`` with a pyproject targeting ``entries``."""
    package = root / "pkg"
    package.mkdir(parents=True)
    (package / "__init__.py").write_bytes(b"")
    for module, case in cases.items():
        shutil.copyfile(DATA / f"{case}.py", package / f"{module}.py")
    (root / "pyproject.toml").write_text(PYPROJECT.format(entries=", ".join(f'"{e}"' for e in entries)))
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.py"))}
