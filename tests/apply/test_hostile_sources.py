"""Sources that are fine for Python but hostile to the tools apply uses (reviews AR3-9, AR3-13).

AR3-9: a string annotation nested ~1500 brackets deep overflowed the C stack in libcst's parser (reached from its
scope analysis, which parses string annotations): a segmentation fault, exit 139, the whole run lost. AR3-13: a
legacy regex string (``"\\d+"``) made apply's own compiles warn on every step, and under ``PYTHONWARNINGS=error``
report an internal error (exit 3). Both run the console entry in a real subprocess (a crash must not take the
test process with it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.check.project import write_project

HEAD = "import builtins\nimport logging\nimport os\n\nlogger = logging.getLogger(__name__)\n\n\n"


def _apply(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "thor_guard", "apply", "--no-color", "-j", "1", *args, str(root)],
        capture_output=True, text=True, check=False, timeout=300, env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(
    "where",
    [
        'def start() -> "{ann}":\n    builtins.SIDE("body")\n    return 1\n',
        'def start():\n    x: "{ann}" = 1\n    builtins.SIDE("body")\n',
        'def helper(y: "{ann}"):\n    return y\n\n\ndef start():\n    builtins.SIDE("body")\n',
    ],
)
def test_a_deeply_nested_string_annotation_is_refused_not_a_crash(tmp_path: Path, where: str) -> None:
    annotation = "List[" * 1600 + "int" + "]" * 1600
    source = HEAD + where.replace("{ann}", annotation)
    root = write_project(tmp_path, {"m.py": source}, {"preset": "none", "entry-points": ["m:start"]})
    done = _apply(root, "--check")
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    assert "nests brackets more than 200 deep" in done.stdout and "needs a person" in done.stdout, done.stdout


def test_a_shallow_string_annotation_is_still_fixed(tmp_path: Path) -> None:
    source = HEAD + 'def start() -> "' + "List[" * 150 + "int" + "]" * 150 + '":\n    builtins.SIDE("body")\n'
    root = write_project(tmp_path, {"m.py": source}, {"preset": "none", "entry-points": ["m:start"]})
    done = _apply(root, "--check")
    assert "nests brackets" not in done.stdout, done.stdout


def test_invalid_escape_sequences_neither_warn_nor_fail_under_warnings_as_errors(tmp_path: Path) -> None:
    source = HEAD.replace("import os\n", "import os\nimport re\n") + (
        'def start(line="a1"):\n    pattern = "\\d+"\n    builtins.SIDE("body")\n    for ch in line:\n'
        '        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat\\d")\n        if mode == "heartbeat":\n'
        '            return "skipped"\n    return re.findall(pattern, line)\n'
    )
    root = write_project(tmp_path, {"m.py": source}, {"preset": "none", "entry-points": ["m:start"]})
    for env in ({"PYTHONWARNINGS": "always"}, {"PYTHONWARNINGS": "error"}):
        done = _apply(root, "--check", env=env)
        assert done.returncode == 1, (env, done.stderr)  # 1: a file would change; never 3 (internal error)
        assert "Warning" not in done.stderr and "internal error" not in done.stderr, (env, done.stderr)
        assert "m.py (start)" in done.stderr and "would fix 1 entry point" in done.stdout + done.stderr, done.stderr
