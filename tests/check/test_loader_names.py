"""``tests/data/check/effect_guard_log_loader_names``, executed (review AR3-22).

A guard whose skip log reads ``__file__``/``__cached__``/``__builtins__``/``__spec__``… (or ``__path__`` in a package)
is accepted: it does nothing with THOR_SCHEDULER_MODE unset or ``heartbeat`` and runs its body with ``legacy``. The
one TG006 (``__path__`` in a plain module) really raises NameError in heartbeat mode, so it never returns quietly.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.check.test_effect_differential import _entries, _run
from tests.check.test_v2_data import DATA, copy_case

CASE = DATA / "effect_guard_log_loader_names"


def test_loader_set_names_in_the_skip_log(tmp_path: Path) -> None:
    root = copy_case(CASE, tmp_path)
    entries = _entries(root)
    accepted = [(m, q) for m, q, codes in entries if not codes]
    flagged = [(m, q) for m, q, codes in entries if codes]
    assert len(accepted) == 6 and flagged == [("pkg.m", "start_path")]
    for mode in (None, "heartbeat"):
        assert not any(_run(root, accepted, mode).values()), mode
    assert all(_run(root, accepted, "legacy").values())
    call = "import importlib, sys; sys.path.insert(0, sys.argv[1]); importlib.import_module('pkg.m').start_path()"
    env = {k: v for k, v in os.environ.items() if k != "THOR_SCHEDULER_MODE"}
    done = subprocess.run([sys.executable, "-c", call, str(root)], env=env, capture_output=True, text=True, timeout=60, cwd=root)
    assert done.returncode != 0 and "NameError: name '__path__' is not defined" in done.stderr, json.dumps(done.stderr)
