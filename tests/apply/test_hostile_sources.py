"""Sources that are fine for Python (or at least for a person) but hostile to the tools apply and check use.

AR3-9: a string annotation nested ~1500 brackets deep (or a long chain of prefix operators) overflowed the C
stack in libcst's native parser, reached from its scope analysis: a segmentation fault, exit 139, the whole run
lost, and under ``apply -j2`` no other file fixed. AR3-13: a legacy regex string (``"\\d+"``) made the analysis's
own compiles warn on every step, and under ``PYTHONWARNINGS=error`` end as an internal error (exit 3). The
console script runs in a real subprocess (a crash must not take the test process with it); a worker crash is a
real SIGSEGV sent to the worker.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.check.project import write_project
from thor_guard.nesting import BRACKET_LIMIT, deep_nesting

HEAD = "import builtins\nimport logging\nimport os\n\nlogger = logging.getLogger(__name__)\n\n\n"
BODY = 'def start():\n    builtins.SIDE("body")\n'


def _thor_guard(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "thor_guard", *args, str(root)],
        capture_output=True, text=True, check=False, timeout=300, env={**os.environ, **(env or {})},
    )


DEEP = {
    "return_annotation": 'def start() -> "{deep}":\n    builtins.SIDE("body")\n    return 1\n',
    "local_annotation": 'def start():\n    x: "{deep}" = 1\n    builtins.SIDE("body")\n',
    "other_function": 'def helper(y: "{deep}"):\n    return y\n\n\n' + BODY,
}
SHAPES = {
    "brackets": "List[" * 1600 + "int" + "]" * 1600,
    "lambdas": "lambda: " * 6000 + "1",
    "nots": "not " * 12000 + "x",
    # review AR4-3: right-/left-nested binary forms, which no bracket count sees
    "attributes": "a." * 12000 + "T",
    "powers": "2**" * 10000 + "2",
    "conditionals": "1 if x else " * 30000 + "1",
    "unions": "int|" * 20000 + "int",
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("where", sorted(DEEP))
def test_a_deeply_nested_string_is_a_one_line_error_not_a_crash(tmp_path: Path, where: str, shape: str) -> None:
    source = HEAD + DEEP[where].replace("{deep}", SHAPES[shape])
    root = write_project(tmp_path, {"m.py": source}, {"preset": "none", "entry-points": ["m:start"]})
    for command in (["apply", "--no-color", "-j", "1", "--check"], ["check", "--no-cache", "--no-color"]):
        done = _thor_guard(root, *command)
        assert done.returncode == 2, (command, done.returncode, done.stderr[-2000:])
        lines = [line for line in (done.stdout + done.stderr).splitlines() if "m.py: error:" in line]
        assert len(lines) == 1 and "nest more than the supported depth" in lines[0], done.stdout + done.stderr
        assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("code", "what"), [("not " * 20000 + "y", "prefix operators"), ("[" * 3000 + "]" * 3000, "brackets")])
def test_deep_code_python_refuses_is_an_error_too(tmp_path: Path, code: str, what: str) -> None:
    root = write_project(tmp_path, {"m.py": HEAD + "x = " + code + "\n\n\n" + BODY}, {"preset": "none", "entry-points": ["m:start"]})
    for command in (["check", "--no-cache", "--no-color"], ["apply", "--no-color", "-j", "1"]):
        done = _thor_guard(root, *command)
        assert done.returncode == 2 and f"m.py: error: " in done.stdout + done.stderr and f"line 8: {what}" in done.stdout + done.stderr, done


@pytest.mark.parametrize(
    "source",
    [
        'x: "' + "List[" * (BRACKET_LIMIT - 5) + "int" + "]" * (BRACKET_LIMIT - 5) + '" = 1\n',
        'SEPARATOR = "' + "-" * 3000 + '"\n',
        "PATTERNS = [" + ", ".join([r'r"\("'] * 600) + "]\n",  # unbalanced brackets in many strings: no nesting
        "# " + "~" * 3000 + "\nx = 1\n",
    ],
)
def test_ordinary_sources_are_not_refused(source: str) -> None:
    assert deep_nesting(source.encode()) is None


def test_a_worker_crash_loses_only_its_own_file(tmp_path: Path) -> None:
    files = {f"m{i}.py": HEAD + BODY for i in range(5)}
    root = write_project(tmp_path, files, {"preset": "none", "entry-points": ["m*:start"]})
    driver = (
        "import json, os, signal, sys\n"
        "from pathlib import Path\n"
        "import thor_guard.apply as engine\n"
        "from thor_guard.config import load_config\n"
        "real = engine.transform_source\n"
        "def crashing(path, *args):\n"
        "    if path.name == 'm2.py':\n"
        "        os.kill(os.getpid(), signal.SIGSEGV)\n"
        "    return real(path, *args)\n"
        "engine.transform_source = crashing\n"
        "engine.POOL_THRESHOLD, engine.POOL_MIN_BYTES = 1, 0\n"
        "report = engine.run_apply(load_config([Path(sys.argv[1])]), jobs=2)\n"
        "print(json.dumps({'written': sorted(p.name for p in report.written), "
        "'internal': [r.path.name for r in report.internal_errors], 'errors': [e.message for e in report.errors]}))\n"
    )
    done = subprocess.run([sys.executable, "-c", driver, str(root)], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["written"] == ["m0.py", "m1.py", "m3.py", "m4.py"], result
    assert result["internal"] == ["m2.py"] and "crashed" in result["errors"][0], result


def test_invalid_escape_sequences_neither_warn_nor_fail_under_warnings_as_errors(tmp_path: Path) -> None:
    source = HEAD.replace("import os\n", "import os\nimport re\n") + (
        'def start(line="a1"):\n    pattern = "\\d+"\n    builtins.SIDE("body")\n    for ch in line:\n'
        '        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat\\d")\n        if mode == "heartbeat":\n'
        '            return "skipped"\n    return re.findall(pattern, line)\n'
    )
    root = write_project(tmp_path, {"m.py": source}, {"preset": "none", "entry-points": ["m:start"]})
    for env in ({"PYTHONWARNINGS": "always"}, {"PYTHONWARNINGS": "error"}):
        applied = _thor_guard(root, "apply", "--no-color", "-j", "1", "--check", env=env)
        assert applied.returncode == 1, (env, applied.stderr)  # 1: a file would change; never 3 (internal error)
        assert "would fix 1 entry point" in applied.stdout + applied.stderr, applied
        checked = _thor_guard(root, "check", "--no-cache", "--no-color", env=env)
        assert checked.returncode == 1 and "TG002" in checked.stdout, (env, checked)
        for done in (applied, checked):
            assert "Warning" not in done.stderr and "internal error" not in done.stderr, (env, done.stderr)


DATA = {
    "bytes_blob": 'ICON = b"""{blob}"""\n',
    "str_blob": 'ICON = """{blob}"""\n',
    "dict_value": 'TABLE = {{"k": "{blob}"}}\n',
}


@pytest.mark.parametrize("where", sorted(DATA))
def test_data_strings_are_not_measured(tmp_path: Path, where: str) -> None:
    """Review AR4-12: base85 data (unbalanced brackets) in a literal libcst never parses is not a reason to refuse."""
    import base64
    import random

    blob = base64.b85encode(random.Random(7).randbytes(60000)).decode("ascii")
    blob = "\n".join(blob[i : i + 79] for i in range(0, len(blob), 79)) if where != "dict_value" else blob
    source = HEAD + DATA[where].format(blob=blob) + "\n\n" + BODY
    root = write_project(tmp_path, {"m.py": source}, {"preset": "none", "entry-points": ["m:start"]})
    done = _thor_guard(root, "apply", "--no-color", "-j", "1")
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    done = _thor_guard(root, "check", "--no-cache", "--no-color")
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
