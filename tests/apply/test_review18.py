"""Hostile apply review 18: a module that lists its own namespace at import time.

``__all__ = [n for n in dir() if not n.startswith("_")]`` (or ``globals()``, ``vars()``, ``locals()``) computes with
every module-level name: an added public ``import os``/``import logging`` joined ``__all__``, and a star importer
outside the source roots (which apply cannot see) then got the stdlib ``logging`` over its own name. The names apply
adds to such a module are private; a module that only lists a namespace inside a function body keeps public ones.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.check.project import cli_runner, write_project
from thor_guard.cli import cli

START = "def start():\n    print('SIDE start')\n"
LISTINGS = {
    "dir": "__all__ = [name for name in dir() if not name.startswith('_')]\n",
    "globals": "__all__ = sorted(n for n in globals() if not n.startswith('_'))\n",
    "vars": "__all__ = [n for n in list(vars()) if not n.startswith('_')]\n",
    "locals_in_class": "class Registry:\n    names = list(globals())\n\n\n__all__ = [n for n in Registry.names if n[0] != '_']\n",
    "decorator": "def _export(f):\n    return f\n\n\n@_export if 'x' not in dir() else None\ndef helper():\n    pass\n\n\n__all__ = ['start']\n__all__ += [n for n in ['helper']]\n",
}


def _exports(root: Path, mode: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "THOR_SCHEDULER_MODE"} | {"THOR_SCHEDULER_MODE": mode, "PYTHONDONTWRITEBYTECODE": "1"}
    code = "import app.jobs as m; print(sorted(m.__all__)); logging = 'own'; from app.jobs import *; print(logging)"
    done = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("name", sorted(LISTINGS))
def test_a_module_listing_its_namespace_gets_private_names(tmp_path: Path, name: str) -> None:
    write_project(tmp_path, {"app/__init__.py": "", "app/jobs.py": START + "\n\n" + LISTINGS[name]}, {"preset": "none", "entry-points": ["app.jobs:start"]})
    before = _exports(tmp_path, "legacy")
    result = cli_runner().invoke(cli, ["apply", "--no-color", "-j", "1", str(tmp_path)])
    assert result.exit_code == 0, result.output
    jobs = (tmp_path / "app" / "jobs.py").read_text()
    assert "import logging as _logging" in jobs and "import os as _os" in jobs, jobs
    assert _exports(tmp_path, "legacy") == before
    assert "own" in before.splitlines()[-1]


def test_a_listing_inside_a_function_keeps_public_names(tmp_path: Path) -> None:
    source = START + "\n\ndef names():\n    return sorted(dir()) + (lambda: list(locals()))()\n"
    write_project(tmp_path, {"app/__init__.py": "", "app/jobs.py": source}, {"preset": "none", "entry-points": ["app.jobs:start"]})
    result = cli_runner().invoke(cli, ["apply", "--no-color", "-j", "1", str(tmp_path)])
    assert result.exit_code == 0, result.output
    jobs = (tmp_path / "app" / "jobs.py").read_text()
    assert "import os\n" in jobs and "_os" not in jobs, jobs
