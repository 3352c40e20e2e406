"""The CLI prints what a reviewer should read about a fix, not only ``fixed m.py (names)`` (review AR2-1).

A canonical guard inserted above a kept kill switch, an exit value reused from an existing heartbeat check,
a guard that binds no local: each fixed function with such a detail gets one
``path:line:col: note: <detail> (module:qualname)`` line on stderr (``--diff`` keeps stdout for the patch);
a plain fix gets none.
"""

from __future__ import annotations

from pathlib import Path

from tests.check.project import cli_runner, write_project
from thor_guard.cli import cli

MODULE = '''\
import logging
import os
import threading

logger = logging.getLogger(__name__)


def start_kill_switch():
    if os.environ.get("HEARTBEAT_ENABLED"):
        return
    threading.Thread(target=print).start()


def start_plain():
    threading.Thread(target=print).start()


def start_locals():
    threading.Thread(target=print).start()
    print(locals())
'''


def test_notes_of_fixed_functions_are_printed(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"m.py": MODULE}, {"preset": "none", "entry-points": ["m:start_*"]})
    for args in (["apply", "--check"], ["apply", "--diff"], ["apply"]):
        result = cli_runner().invoke(cli, [*args, str(root)])
        notes = [line for line in result.stderr.splitlines() if ": note: " in line]
        assert len(notes) == 2, result.stderr
        assert notes[0].endswith(
            "m.py:8:5: note: inserted the canonical guard above the existing condition, which reads the variable "
            "HEARTBEAT_ENABLED and is kept as it is (m:start_kill_switch)"
        ), notes
        assert "m.py:18:5: note: inserted the canonical guard (reading the variable in the condition" in notes[1], notes
        assert "start_plain" not in "".join(notes)
        assert ": note: " not in result.stdout
        verb = "fixed" if args == ["apply"] else "would fix"
        assert any(
            line.startswith(verb + " ") and line.endswith("m.py (start_kill_switch, start_plain, start_locals)")
            for line in result.stderr.splitlines()
        ), result.stderr
