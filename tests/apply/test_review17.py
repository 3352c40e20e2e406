"""Hostile apply review 17: star importers however spelt, locals read by library calls, line-scoped suppressions.

1. A star import the index missed (``from app.jobs import*``, ``x; from m import *``, ``if True: from m import *``,
   a backslash continuation, a subpackage called ``build``) let apply add public ``import logging``/``import os``,
   which the star import then copied over the importer's own ``logging``: the importer stopped importing.
2. ``TracebackException.from_exception(exc, capture_locals=True)`` prints the function's locals: a guard binding
   ``scheduler_mode`` changed the legacy output.
3. ``def f(): l = 1  # noqa: E741`` split into a block left the suppression on the ``def`` line only.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.apply.entry_runs import apply_and_run, check_clean
from tests.check.project import cli_runner, write_project
from thor_guard.cli import cli

JOBS = "import sys\n\n\ndef start():\n    print('SIDE jobs.start')\n"
STAR_SPELLINGS = {
    "no_space": "from app import logging\nfrom app.jobs import*\nlogging.setup()\n",
    "after_semicolon": "from app import logging\nimport sys; from app.jobs import *\nlogging.setup()\n",
    "under_if": "from app import logging\nif True: from app.jobs import *\nlogging.setup()\n",
    "continuation": "from app import logging\nfrom app.jobs \\\n    import *\nlogging.setup()\n",
}


def _imports(root: Path, module: str, mode: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "THOR_SCHEDULER_MODE"} | {"THOR_SCHEDULER_MODE": mode, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-c", f"import {module}"], cwd=root, env=env, capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize("name", sorted(STAR_SPELLINGS))
def test_a_star_importer_however_spelt_keeps_its_names(tmp_path: Path, name: str) -> None:
    files = {
        "app/__init__.py": "",
        "app/logging.py": "def setup():\n    print('app logging configured')\n",
        "app/jobs.py": JOBS,
        "app/tasks.py": STAR_SPELLINGS[name],
    }
    write_project(tmp_path, files, {"preset": "none", "entry-points": ["app.jobs:start"]})
    result = cli_runner().invoke(cli, ["apply", "--no-color", "-j", "1", str(tmp_path)])
    assert result.exit_code == 0, result.output
    jobs = (tmp_path / "app" / "jobs.py").read_text()
    assert "import logging as _logging" in jobs and "import os as _os" in jobs, jobs
    for mode in ("legacy", "heartbeat"):
        done = _imports(tmp_path, "app.tasks", mode)
        assert done.returncode == 0 and "app logging configured" in done.stdout, done.stderr


def test_a_star_importer_in_a_build_subpackage_counts(tmp_path: Path) -> None:
    files = {
        "app/__init__.py": "",
        "app/build/__init__.py": "",
        "app/build/pipeline.py": "from app.jobs import *\n",
        "app/jobs.py": JOBS,
    }
    write_project(tmp_path, files, {"preset": "none", "entry-points": ["app.jobs:start"]})
    result = cli_runner().invoke(cli, ["apply", "--no-color", "-j", "1", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "import os as _os" in (tmp_path / "app" / "jobs.py").read_text()


CAPTURED = '''import builtins
import traceback


def start():
    try:
        raise RuntimeError("feed down")
    except RuntimeError as exc:
        te = traceback.TracebackException.from_exception(exc, capture_locals=True)
        # the frames' lines without their line numbers (those move below an inserted guard: a documented limit)
        builtins.SIDE([line for line in "".join(te.format()).splitlines() if "File " not in line])
'''


def test_a_library_call_capturing_locals_gets_a_guard_that_binds_none(tmp_path: Path) -> None:
    applied = apply_and_run(tmp_path, {"m.py": CAPTURED})
    assert applied.exit_code == 0, applied.output
    assert "scheduler_mode =" not in (tmp_path / "m.py").read_text()
    assert applied.legacy_unchanged(), applied.runs
    assert not applied.heartbeat_side_effects(), applied.runs


@pytest.mark.parametrize(
    "comment",
    ["# noqa: E741, E702", "# type: ignore[union-attr]", "# pyright: ignore", "# pylint: disable=invalid-name", "# NOQA"],
)
def test_a_suppression_on_a_one_line_def_goes_with_its_statements(tmp_path: Path, comment: str) -> None:
    source = f"import builtins\n\n\ndef start(): l = 1; builtins.SIDE(l)  {comment}\n"
    applied = apply_and_run(tmp_path, {"m.py": source})
    assert applied.exit_code == 0, applied.output
    lines = (tmp_path / "m.py").read_text().splitlines()
    assert f"def start():  {comment}" in lines, lines
    assert f"    l = 1; builtins.SIDE(l)  {comment}" in lines, lines
    assert applied.legacy_unchanged() and not applied.heartbeat_side_effects(), applied.runs
    assert check_clean(tmp_path)[0] == 0


def test_a_plain_comment_on_a_one_line_def_stays_on_the_def_line(tmp_path: Path) -> None:
    source = "import builtins\n\n\ndef start(): builtins.SIDE(1)  # the feed\n"
    applied = apply_and_run(tmp_path, {"m.py": source})
    assert applied.exit_code == 0, applied.output
    lines = (tmp_path / "m.py").read_text().splitlines()
    assert "def start():  # the feed" in lines and "    builtins.SIDE(1)" in lines, lines
