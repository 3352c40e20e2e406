"""One voice across check, apply, audit and init: codes, exit policy, errors, counts, typos, encodings, paths."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import libcst as cst
import pytest

from tests.check.project import cli_runner, write_project
from tests.cli.helpers import REPO, console_command, copy_example, run, write_files
from thor_guard.cli import cli
from thor_guard.errors import ExitCode, describe_source_error

UNGUARDED = "import threading\n\n\ndef start():\n    threading.Thread(target=print).start()\n"
GUARDED = (
    "import os\nimport threading\n\n\ndef start():\n"
    '    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n        return\n'
    "    threading.Thread(target=print).start()\n"
)


# -- --select / --ignore of codes a command never reports ---------------------


@pytest.mark.parametrize(
    ("command", "option", "codes"),
    [
        ("check", "--select", "TG010"),
        ("check", "--select", "TG011,TG001"),
        ("check", "--ignore", "unguarded-spawn"),
        ("check", "--select", "TG013"),  # TG01 is no longer one: check reports TG012
        ("audit", "--select", "TG001"),
        ("audit", "--ignore", "TG00"),
        ("apply", "--select", "TG011"),
    ],
)
def test_a_code_the_command_never_reports_is_a_usage_error(tmp_path: Path, command: str, option: str, codes: str) -> None:
    root = write_project(tmp_path, {"app/svc.py": UNGUARDED}, {"entry-points": ["app.svc:start"]})
    result = cli_runner().invoke(cli, [command, str(root), option, codes])
    assert result.exit_code == 2, result.output
    assert "is never reported by" in result.stderr and f"'{command}'" in result.stderr


def test_codes_the_command_reports_are_accepted(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"app/svc.py": UNGUARDED}, {"entry-points": ["app.svc:start"]})
    assert cli_runner().invoke(cli, ["check", str(root), "--select", "TG0,missing-guard"]).exit_code == 1
    assert cli_runner().invoke(cli, ["audit", str(root), "--no-cache", "--select", "TG01"]).exit_code == 0


# -- exit policy for warnings ---------------------------------------------------


def test_fail_on_decides_which_severity_fails_the_run(tmp_path: Path) -> None:
    example = copy_example(tmp_path / "legacy_thor")
    assert run(["init", "--write", "--no-cache"], cwd=example).returncode == 0
    assert run(["apply"], cwd=example).returncode == 0
    default = run(["audit", "--no-cache"], cwd=example)
    assert default.returncode == 0 and default.stdout.count("TG011 [on-demand-spawn]") == 2  # reported, not failing
    assert run(["audit", "--no-cache", "--fail-on", "warning"], cwd=example).returncode == 1
    assert run(["check", "--fail-on", "warning"], cwd=example).returncode == 0
    broken = copy_example(tmp_path / "broken")
    assert run(["check", "--fail-on", "never"], cwd=broken).returncode == 0  # five errors, reported only
    assert run(["check"], cwd=broken).returncode == 1


def test_the_readme_chain_works_as_printed_on_a_copy_of_the_example(tmp_path: Path) -> None:
    example = copy_example(tmp_path / "legacy_thor")
    for args in (["init", "--write"], ["apply"], ["check"], ["audit"]):
        done = run(args, cwd=example)
        assert done.returncode == 0, (args, done.stdout, done.stderr)


# -- one error formatter ----------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (b"def start(:\n    pass\n", "syntax error at line 2, column 11: invalid syntax"),
        (b"def start():\n    x = 1\n      y = 2\n", "syntax error at line 4, column 6: unexpected indent"),
        (b"def start():\n    x = '\xe9'\n", "cannot decode source as utf-8: invalid continuation byte (byte 0xe9 on line 3)"),
        (b"# -*- coding: nope -*-\ndef start():\n    pass\n", "cannot decode source: unknown encoding: nope"),
    ],
)
def test_check_apply_and_audit_report_a_bad_file_with_the_same_line(tmp_path: Path, source: bytes, expected: str) -> None:
    # the spawn on line 1 makes audit's pre-filter read the file; `def start` makes apply's
    source = (b"" if source.startswith(b"#") else b"threading.Thread(target=print).start()\n") + source
    if source.startswith(b"#"):
        source += b"threading.Thread(target=print).start()\n"
    root = write_project(tmp_path, {"app/bad.py": source, "app/good.py": GUARDED}, {"entry-points": ["app.bad:start", "app.good:start"]})
    lines = {}
    for command in (["check"], ["apply", "--check"], ["audit", "--no-cache"]):
        done = run(command, cwd=root)
        assert done.returncode == 2, (command, done.stderr)
        lines[command[0]] = [line for line in done.stderr.splitlines() if "bad.py" in line]
    assert lines["check"] == lines["apply"] == lines["audit"], lines
    assert len(lines["check"]) == 1 and lines["check"][0].startswith(f"app/bad.py: error: {expected}")


def test_a_file_python_accepts_but_libcst_rejects_is_named_as_such() -> None:
    try:
        cst.parse_module(b"def (:\n")
    except cst.ParserSyntaxError as exc:
        message = describe_source_error(b"x = 1\n", exc)  # CPython accepts these bytes
    assert message.startswith("libcst cannot parse this file (Python accepts it) at line 1, column ")
    try:
        cst.parse_module(b"def (:\n")
    except cst.ParserSyntaxError as exc:
        assert describe_source_error(b"def (:\n", exc) == "syntax error at line 1, column 5: invalid syntax"


def test_apply_tags_tg008_like_check(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"app/svc.py": GUARDED}, {"entry-points": ["app.svc:start", "app.gone:start"]})
    apply_line = next(line for line in run(["apply"], cwd=root).stdout.splitlines() if "TG008" in line)
    check_line = next(line for line in run(["check"], cwd=root).stdout.splitlines() if "TG008" in line)
    assert " TG008 [entry-point-not-found] " in apply_line and " TG008 [entry-point-not-found] " in check_line
    assert apply_line.startswith("pyproject.toml:") and apply_line.endswith("(app.gone:start)")


def test_a_missing_path_reads_the_same_in_every_command(tmp_path: Path) -> None:
    for command in ("check", "apply", "audit", "init"):
        done = run([command, "does-not-exist"], cwd=tmp_path)
        assert (done.returncode, done.stderr) == (2, "does-not-exist: error: path does not exist\n"), command


# -- counts -------------------------------------------------------------------------


def test_counts_are_pluralised(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"app/svc.py": UNGUARDED, "app/boot.py": "from app.svc import start\nstart()\n"}, {"entry-points": []})
    init = run(["init", "--write", "--no-cache"], cwd=root)
    assert init.stdout.endswith(": added 1 entry point: app.svc:start\n"), init.stdout
    audit = run(["audit", "--no-cache"], cwd=root)
    assert "(1 spawn site: 1 unguarded," in audit.stdout and "of 3 files analysed, 0 unresolved calls)" in audit.stdout
    check = run(["check"], cwd=root)
    assert check.stdout.endswith("Found 1 finding (1 entry point, 1 file checked).\n")
    assert run(["apply"], cwd=root).stdout == "fixed 1 entry point in 1 file; 0 need a person\n"


# -- typos, encodings, crashes --------------------------------------------------------


@pytest.mark.parametrize(("typo", "meant"), [("chek", "check"), ("audti", "audit"), ("run-hearbeat", "run-heartbeat")])
def test_a_mistyped_subcommand_gets_a_did_you_mean(typo: str, meant: str) -> None:
    result = cli_runner().invoke(cli, [typo])
    assert result.exit_code == 2
    assert f"No such command '{typo}'. Did you mean '{meant}'?" in result.stderr


def test_a_non_utf8_stdout_degrades_to_ascii_and_never_crashes(tmp_path: Path) -> None:
    example = copy_example(tmp_path / "legacy_thor")
    utf8 = run(["audit", "--no-cache"], cwd=example)
    # (an "ascii" stream is one click itself treats as a misconfigured locale and writes UTF-8 to)
    for encoding in ("cp1252", "latin-1"):
        done = subprocess.run(
            [*console_command(), "audit", "--no-cache"],
            cwd=example, capture_output=True, timeout=120, check=False,
            env={**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1"},
        )
        assert done.returncode == utf8.returncode == 1, done.stderr.decode(encoding, "replace")
        assert b"Traceback" not in done.stderr
        out = done.stdout.decode(encoding)
        assert "→" in utf8.stdout and out == utf8.stdout.replace("→", "->")


def test_a_crash_exits_3_never_the_findings_code(tmp_path: Path) -> None:
    # A real command that raises, registered the way every sub-command is.
    (tmp_path / "boom_cmd.py").write_text(
        "import click\n\n@click.command('boom')\ndef boom():\n    raise RuntimeError('kaboom')\n", encoding="utf-8"
    )
    code = (
        "import sys\nsys.path.insert(0, sys.argv[1])\nimport thor_guard.cli as c\n"
        "c.LAZY_COMMANDS['boom'] = ('boom_cmd:boom', 'raise')\nc.main(['boom'])\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=60, check=False, cwd=REPO)
    assert done.returncode == ExitCode.INTERNAL == 3
    assert "RuntimeError: kaboom" in done.stderr and "thor-guard: internal error (exit 3)" in done.stderr


# -- --format github paths ------------------------------------------------------------


def test_github_paths_are_relative_to_the_git_top_level(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    root = write_project(repo / "services" / "api", {"app/svc.py": UNGUARDED}, {"entry-points": ["app.svc:start"]})
    subprocess.run(["git", "init", "-q", str(repo)], check=True, timeout=30)
    for cwd in (root / "app", root, repo):
        done = run(["check", "--format", "github"], cwd=cwd) if cwd != repo else run(["check", "services/api", "--format", "github"], cwd=cwd)
        assert done.stdout.startswith("::error file=services/api/app/svc.py,line=4,col=5,"), (cwd, done.stdout)
    sarif = json.loads(run(["check", "--format", "sarif"], cwd=root / "app").stdout)
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "services/api/app/svc.py"
    # text stays relative to the current directory, so paths open from the shell
    assert run(["check"], cwd=root / "app").stdout.startswith("svc.py:4:5: TG001")


def test_github_paths_without_git_are_relative_to_the_project_root(tmp_path: Path) -> None:
    root = write_project(tmp_path / "proj", {"app/svc.py": UNGUARDED}, {"entry-points": ["app.svc:start"]})
    if any((parent / ".git").exists() for parent in tmp_path.parents):
        pytest.skip("the temp directory lies inside a git repository")
    assert run(["check", "--format", "github"], cwd=root / "app").stdout.startswith("::error file=app/svc.py,")
    write_files(root, {"app/boot.py": "from app.svc import start\nstart()\n"})
    assert "file=app/svc.py," in run(["audit", "--no-cache", "--format", "github"], cwd=root / "app").stdout
