"""``thor-guard apply`` end to end: --check, --diff, exit codes, -j, --select, refusals, both runners."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import thor_guard.apply as engine
from tests.apply.cases import DATA
from tests.apply.project import make_project, snapshot
from tests.check.project import cli_runner
from thor_guard.cli import cli
from thor_guard.config import load_config

FIXABLE = {"a": "insert_crlf", "b": "rewrite_stale_flag", "c": "move_late_guard", "d": "insert_no_imports_no_logger"}


def run(root: Path, *args: str, color: bool = False) -> tuple[int, str, str]:
    runner = cli_runner()
    cwd = os.getcwd()
    os.chdir(root)
    try:
        result = runner.invoke(cli, ["apply", *args], color=color, catch_exceptions=False)
    finally:
        os.chdir(cwd)
    # Result.stdout turns CRLF into LF; the raw bytes show what a terminal or pipe receives.
    # surrogateescape: a patch carries the bytes of non-UTF-8 files as they are.
    return result.exit_code, result.stdout_bytes.decode("utf-8", "surrogateescape"), result.stderr_bytes.decode() if result.stderr_bytes else ""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path, FIXABLE, entries=("pkg.*:*.start", "pkg.*:start"))


def test_check_writes_nothing_and_exits_1(project: Path) -> None:
    before = snapshot(project)
    code, out, _ = run(project, "--check")
    assert code == 1
    assert out.strip().endswith("would fix 4 entry points in 4 files; 0 need a person")
    assert snapshot(project) == before


def test_diff_prints_patch_writes_nothing_summary_on_stderr(project: Path) -> None:
    before = snapshot(project)
    code, out, err = run(project, "--diff", "-j", "1")
    assert code == 1
    assert snapshot(project) == before
    assert "--- a/pkg/a.py\n+++ b/pkg/a.py\n" in out
    assert '+    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()\r\n' in out
    assert "\x1b[" not in out, "no colour when stdout is not a terminal"
    assert "would fix 4 entry points in 4 files; 0 need a person" in err
    assert "would fix" not in out


def test_diff_is_coloured_on_a_terminal(project: Path) -> None:
    _, out, _ = run(project, "--diff", color=True)
    assert "\x1b[32m+" in out and "\x1b[1m--- a/pkg/a.py" in out


def test_diff_applies_with_git_apply(project: Path) -> None:
    _, out, _ = run(project, "--diff")
    patch = project / "fix.patch"
    patch.write_bytes(out.encode())
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "apply", "--whitespace=nowarn", "fix.patch"], cwd=project, check=True)
    patch.unlink()
    assert run(project, "--check")[0] == 0


@pytest.mark.parametrize("directory", ["t\tab", 'q"uote', "back\\slash", "plain space"])
def test_diff_of_a_path_git_must_quote_applies(tmp_path: Path, directory: str) -> None:
    """Hostile apply review 16, F5: a tab (or a double quote, a backslash) in a path is C-quoted in the patch
    header as git writes it; unquoted, ``git apply`` took the tab for the end of the name."""
    root = tmp_path / "p"
    source = root / directory
    source.mkdir(parents=True)
    (source / "x.py").write_text('import os\n\n\ndef start():\n    print("x")\n')
    (root / "pyproject.toml").write_text(f'[tool.thor-guard]\nsource-roots = [{json.dumps(directory)}]\nentry-points = ["x:start"]\n')
    _, out, _ = run(root, "--diff")
    (root / "fix.patch").write_bytes(out.encode())
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "apply", "--whitespace=nowarn", "fix.patch"], cwd=root, check=True)
    (root / "fix.patch").unlink()
    assert run(root, "--check")[0] == 0


def test_apply_writes_then_second_run_is_a_no_op(project: Path) -> None:
    code, out, _ = run(project)
    assert (code, out.strip()) == (0, "fixed 4 entry points in 4 files; 0 need a person")
    assert snapshot(project)["pkg/a.py"] == (DATA / "insert_crlf.expected.py").read_bytes()
    after = snapshot(project)
    code, out, _ = run(project)
    assert (code, out.strip()) == (0, "fixed 0 entry points in 0 files; 0 need a person")
    assert snapshot(project) == after
    assert run(project, "--check")[0] == 0


def test_needs_a_person_lists_reason_and_exits_1(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"a": "insert_crlf", "p": "person_inverted"}, entries=("pkg.*:start", "pkg.gone:start"))
    code, out, _ = run(root)
    assert code == 1
    lines = out.strip().splitlines()
    assert any(line.startswith("pkg/p.py:8:5: TG006 needs a person: the guard is inverted") and line.endswith("(pkg.p:start)") for line in lines)
    assert any(line.startswith("pyproject.toml:1:1: TG008 [entry-point-not-found] entry point pkg.gone:start not found") for line in lines)
    assert lines[-1] == "fixed 1 entry point in 1 file; 2 need a person"


def test_syntax_error_is_reported_and_the_rest_proceeds(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"a": "insert_crlf"}, entries=("pkg.*:start",))
    broken = root / "pkg" / "broken.py"
    broken.write_bytes(b"def start(:\n    pass\n")
    code, out, err = run(root)
    assert code == 2
    # the same line check and audit print for this file (one formatter)
    assert "pkg/broken.py: error: syntax error at line 1, column 11: invalid syntax\n" in err
    assert broken.read_bytes() == b"def start(:\n    pass\n"
    assert "fixed 1 entry point in 1 file" in out
    assert (root / "pkg" / "a.py").read_bytes() == (DATA / "insert_crlf.expected.py").read_bytes()


def test_select_limits_fixes(project: Path) -> None:
    code, out, _ = run(project, "--select", "TG007")
    assert out.strip() == "fixed 1 entry point in 1 file; 0 need a person"
    assert code == 0
    assert snapshot(project)["pkg/a.py"] == (DATA / "insert_crlf.py").read_bytes()


@pytest.mark.parametrize("value", ["TG999", "", ",", " "])
def test_unknown_or_empty_select_is_a_usage_error(project: Path, value: str) -> None:
    """An empty ``--select`` (a CI variable left unset) neither selects everything nor nothing (apply review 18)."""
    from thor_guard.cli import main

    before = snapshot(project)
    with pytest.raises(SystemExit) as info:
        cwd = os.getcwd()
        os.chdir(project)
        try:
            main(["apply", "--select", value])
        finally:
            os.chdir(cwd)
    assert info.value.code == 2
    assert snapshot(project) == before


def test_parallel_results_equal_serial(tmp_path: Path) -> None:
    cases = {f"m{i}": name for i, name in enumerate(["insert_crlf", "bom_utf8", "latin1_cookie", "insert_tabs", "move_late_guard", "rewrite_no_default"])}
    serial = make_project(tmp_path / "serial", cases, entries=("pkg.*:*start",))
    parallel = make_project(tmp_path / "parallel", cases, entries=("pkg.*:*start",))
    assert run(serial, "-j", "1") == run(parallel, "-j", "2")
    assert snapshot(serial) == snapshot(parallel)
    assert snapshot(serial) != {}


def test_concurrent_modification_is_refused(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = project / "pkg" / "a.py"
    real_transform = engine.transform_source

    def transform_while_someone_edits(path, module, data, config, select):  # type: ignore[no-untyped-def]
        result = real_transform(path, module, data, config, select)
        if Path(path).name == "a.py":
            target.write_bytes(data + b"# edited in an editor meanwhile\r\n")
        return result

    monkeypatch.setattr(engine, "transform_source", transform_while_someone_edits)
    report = engine.run_apply(load_config([project]), [project], jobs=1)
    assert [(e.path.name, e.message) for e in report.errors] == [
        ("a.py", "changed on disk since it was read; not written (run apply again)")
    ]
    assert target.read_bytes().endswith(b"# edited in an editor meanwhile\r\n")
    assert {p.name for p in report.written} == {"b.py", "c.py", "d.py"}


def test_console_script_and_libcst_runner_agree(tmp_path: Path) -> None:
    ours = make_project(tmp_path / "ours", FIXABLE, entries=("pkg.*:*.start", "pkg.*:start"))
    theirs = make_project(tmp_path / "theirs", FIXABLE, entries=("pkg.*:*.start", "pkg.*:start"))
    script = Path(sys.executable).with_name("thor-guard")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "thor_guard"]
    done = subprocess.run([*command, "apply", "-j", "1"], cwd=ours, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "fixed 4 entry points in 4 files; 0 need a person"
    libcst = subprocess.run(
        [sys.executable, "-m", "libcst.tool", "codemod", "--no-format", "-x",
         "codemods.scheduler_guard.SchedulerGuardCommand", "-j", "1", "--hide-progress", "pkg"],
        cwd=theirs, capture_output=True, text=True, check=False,
    )
    assert libcst.returncode == 0, libcst.stderr
    assert "Transformed 4 files successfully" in libcst.stderr
    assert snapshot(ours) == snapshot(theirs)


def test_libcst_runner_reports_needs_a_person_as_warning(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"p": "person_no_exit"}, entries=("pkg.*:start",))
    done = subprocess.run(
        [sys.executable, "-m", "libcst.tool", "codemod", "--no-format", "-x",
         "codemods.scheduler_guard.SchedulerGuardCommand", "--hide-progress", "--select", "TG005", "pkg"],
        cwd=root, capture_output=True, text=True, check=False,
    )
    assert "start (line 8): needs a person: the guard's branch neither returns nor raises" in done.stderr
    assert snapshot(root)["pkg/p.py"] == (DATA / "person_no_exit.py").read_bytes()


def test_no_color_wins_over_a_terminal(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "\x1b[" not in run(project, "--diff", "--no-color", color=True)[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(project, "--diff", color=True)[1]


def test_missing_path_is_an_error_but_the_rest_is_fixed(project: Path) -> None:
    code, out, err = run(project, ".", "does-not-exist")
    assert code == 2
    assert "does-not-exist: error: path does not exist" in err
    assert out.strip().endswith("fixed 4 entry points in 4 files; 0 need a person")


def test_libcst_runner_under_warnings_as_errors_fixes_what_the_cli_fixes(tmp_path: Path) -> None:
    """Review AR4-7: the codemod itself ignores warnings about the user's source, on libcst's route too."""
    import os
    import subprocess
    import sys

    # libcst itself must import under -W error for its runner to run at all: libcst 1.1 (the lowest version
    # pyproject.toml allows) uses mypy_extensions.TypedDict, which newer mypy_extensions deprecate at import.
    probe = subprocess.run([sys.executable, "-W", "error", "-c", "import libcst.codemod, libcst.metadata, libcst.tool"], capture_output=True, text=True, check=False, timeout=120)
    if probe.returncode != 0:
        pytest.skip(f"libcst itself does not import with warnings as errors here: {probe.stderr.strip().splitlines()[-1]}")
    source = (
        'import re\nimport threading\n\nPATTERN = re.compile("\\d+:\\d+")\n\n\ndef start():\n'
        '    if PATTERN.match("1:2") is not None and 1 is 1:\n        threading.Thread(target=print).start()\n'
    )
    outputs = []
    for route in (["-m", "thor_guard", "apply", "-j", "1", "."], ["-m", "libcst.tool", "codemod", "--no-format", "-x", "codemods.scheduler_guard.SchedulerGuardCommand", "."]):
        root = tmp_path / route[1].replace(".", "_")
        root.mkdir()
        (root / "pyproject.toml").write_text('[tool.thor-guard]\npreset = "none"\nentry-points = ["m:start"]\n')
        (root / "m.py").write_text(source)
        env = {**os.environ, "PYTHONWARNINGS": "error", "PYTHONDONTWRITEBYTECODE": "1"}
        subprocess.run([sys.executable, *route], cwd=root, env=env, capture_output=True, text=True, check=False, timeout=300)
        outputs.append((root / "m.py").read_bytes())
    assert outputs[0] != source.encode()
    assert outputs[0] == outputs[1]
