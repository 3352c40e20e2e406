"""Bad and unusual input (issue 12): patches git accepts, symlinks, read-only files, newer syntax, deep nesting, style.

Each test drives the real command (CliRunner, a real ``git apply``, a real
``ruff``) on a scratch project; nothing is mocked.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.apply.test_cli import run
from tests.check.project import cli_runner
from thor_guard.cli import cli
from tests.check.project import write_project
from codemods.validate import compiles, rewrite_problem
from thor_guard.apply import run_apply, transform_source
from thor_guard.config import build_config, load_config

UNGUARDED = "import logging\nimport threading\n\nlogger = logging.getLogger(__name__)\n\n\ndef start():\n    threading.Thread(target=print).start()\n"
TABLE = {"preset": "none", "entry-points": ["pkg.*:start"]}


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)


def _commit_all(root: Path) -> None:
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    done = _git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "before")
    assert done.returncode == 0, done.stderr


def test_diff_applies_with_git_for_bom_latin1_form_feed_and_in_tree_symlink(tmp_path: Path) -> None:
    files: dict[str, bytes] = {
        "pkg/bom.py": b"\xef\xbb\xbf" + UNGUARDED.encode(),
        "pkg/latin.py": b"# -*- coding: latin-1 -*-\n# Prix en \xe9cus.\n" + UNGUARDED.encode(),
        "pkg/feed.py": UNGUARDED.replace("\n\n\ndef start", "\n\x0c\n\ndef start").encode(),
        "pkg/crlf.py": UNGUARDED.replace("\n", "\r\n").encode(),
        "pkg/real/__init__.py": b"",
        "pkg/real/target.py": UNGUARDED.encode(),
    }
    root = write_project(tmp_path / "proj", files, TABLE)
    (root / "pkg" / "link.py").symlink_to(Path("real") / "target.py")
    _commit_all(root)
    code, patch, err = run(root, "--diff")
    assert code == 1, err
    assert "a/pkg/real/target.py" in patch and "a/pkg/link.py" not in patch, "a patch names the file git tracks, not the link"
    (root / "fix.patch").write_bytes(patch.encode("utf-8", "surrogateescape"))
    done = _git(root, "apply", "--check", "fix.patch")
    assert done.returncode == 0, done.stderr.decode()
    assert _git(root, "apply", "fix.patch").returncode == 0
    (root / "fix.patch").unlink()
    assert run(root, "--check")[0] == 0, "the patch fixed everything apply would have fixed"
    assert (root / "pkg" / "bom.py").read_bytes().startswith(b"\xef\xbb\xbf")
    assert b"\xe9cus" in (root / "pkg" / "latin.py").read_bytes()
    assert b"\x0c" in (root / "pkg" / "feed.py").read_bytes()


def test_read_only_file_is_reported_and_not_written(tmp_path: Path) -> None:
    root = write_project(tmp_path / "proj", {"pkg/a.py": UNGUARDED, "pkg/b.py": UNGUARDED}, TABLE)
    locked = root / "pkg" / "a.py"
    locked.chmod(0o444)
    try:
        for preview in ("--check", "--diff"):  # a preview reports what the real run will refuse (CI runs --check)
            code, out, err = run(root, preview)
            assert code == 2 and "pkg/a.py: error: the file is read-only; not written" in err, (preview, err)
        assert locked.read_text() == UNGUARDED
        code, out, err = run(root)
        assert code == 2
        assert "pkg/a.py: error: the file is read-only; not written" in err
        assert locked.read_text() == UNGUARDED
        assert "fixed 1 entry point in 1 file" in out
        assert "scheduler_mode" in (root / "pkg" / "b.py").read_text()
    finally:
        locked.chmod(0o644)


def test_hard_linked_file_is_reported_and_not_written(tmp_path: Path) -> None:
    """Replacing a hard-linked file would split the links (review AR3-16): one line, exit 2, in previews too."""
    root = write_project(tmp_path / "proj", {"pkg/a.py": UNGUARDED, "pkg/b.py": UNGUARDED}, TABLE)
    linked = root / "pkg" / "a.py"
    twin = tmp_path / "vendored_a.py"
    os.link(linked, twin)
    for preview in ("--check", "--diff"):
        code, out, err = run(root, preview)
        assert code == 2 and "pkg/a.py: error: the file has 1 other hard link, which replacing it would leave with the old content" in err, (preview, err)
    code, out, err = run(root)
    assert code == 2 and [line for line in err.splitlines() if "hard link" in line] == [
        line for line in err.splitlines() if line.endswith("(to let apply fix it, give this path its own copy: cp a.py a.py.new && mv a.py.new a.py)")
    ], err
    assert linked.read_text() == twin.read_text() == UNGUARDED and linked.stat().st_ino == twin.stat().st_ino
    assert "scheduler_mode" in (root / "pkg" / "b.py").read_text()


@pytest.mark.parametrize("entry", ["pkg.*:start", "pkg.outside:start", "pkg.dangling:start"])
def test_symlinks_leaving_the_root_or_dangling_are_reported_named_or_wildcard(tmp_path: Path, entry: str) -> None:
    elsewhere = tmp_path / "elsewhere.py"
    elsewhere.write_text(UNGUARDED)
    root = write_project(tmp_path / "proj", {"pkg/inside.py": UNGUARDED}, {"preset": "none", "entry-points": [entry]})
    (root / "pkg" / "outside.py").symlink_to(elsewhere)
    (root / "pkg" / "dangling.py").symlink_to(tmp_path / "missing.py")
    code, _, err = run(root)
    assert code == 2
    if entry != "pkg.dangling:start":
        assert "pkg/outside.py: error: symlink to " in err and "outside the source root" in err
    if entry != "pkg.outside:start":
        assert "pkg/dangling.py: error: dangling symlink" in err
    assert "TG008" not in err
    assert elsewhere.read_text() == UNGUARDED, "a file outside the project is never written"


@pytest.mark.parametrize("entry", ["pkg.*:start", "pkg.devnull:start", "pkg.fifo:start", "pkg.dangling:start"])
def test_a_link_to_no_regular_file_is_its_own_error_not_a_missing_module(tmp_path: Path, entry: str) -> None:
    """A module file that is a link to a device, a FIFO or nothing is reported as that link, named or wildcard, and
    not also as TG008 "not found" (on stdout or stderr); a link to a directory is no module file, as for import."""
    root = write_project(tmp_path / "proj", {"pkg/inside.py": UNGUARDED}, {"preset": "none", "entry-points": [entry, "pkg.folder:start"]})
    (root / "pkg" / "devnull.py").symlink_to(os.devnull)
    os.mkfifo(tmp_path / "pipe")
    (root / "pkg" / "fifo.py").symlink_to(tmp_path / "pipe")
    (root / "pkg" / "dangling.py").symlink_to(tmp_path / "missing.py")
    (tmp_path / "folder").mkdir()
    (root / "pkg" / "folder.py").symlink_to(tmp_path / "folder")
    code, out, err = run(root)
    assert code == 2, (out, err)
    named = entry.split(":")[0].rsplit(".", 1)[1]
    expected = {
        "devnull": f"pkg/devnull.py: error: symlink to {os.devnull}, which is not a regular file",
        "fifo": "pkg/fifo.py: error: symlink to ",
        "dangling": "pkg/dangling.py: error: dangling symlink",
    }
    for name, message in expected.items():
        assert (message in err) == (named in ("*", name)), (name, err)
    assert f"{entry}" not in out + err or entry == "pkg.*:start", (out, err)
    assert "pkg.folder:start" in out + err and "folder.py: error" not in err, "a link to a directory is not a module: TG008"


def test_rewrite_validity_uses_libcst_grammar_when_the_interpreter_is_older() -> None:
    newer = b"def start[T](item: T) -> None:\n    print(item)\n"
    broken = b"def start[T](item: T) -> None:\nprint(item)\n"
    if sys.version_info < (3, 12):
        assert compiles(newer) is not None, "the running interpreter rejects PEP 695"
    assert rewrite_problem(newer, original_compiles=False) is None
    assert rewrite_problem(broken, original_compiles=False) is not None
    assert rewrite_problem(b"def f():\n    x = 1\n    global x\n", original_compiles=True) is not None, "symbol-table errors count when the original compiles"


def test_python_312_syntax_is_judged_by_libcst_grammar() -> None:
    source = b"import os\nimport logging\n\nlogger = logging.getLogger(__name__)\n\n\ndef start[T](item: T) -> None:\n    print(item)\n\n\ntype Alias = list[int]\n"
    config = build_config({"preset": "none", "entry-points": ["m:start"]}, root=Path("/m"))
    result = transform_source(Path("/m/m.py"), "m", source, config, None)
    assert result.error is None
    assert [f.action for f in result.functions] == ["fixed"]
    assert b'    if scheduler_mode == "heartbeat":\n' in result.updated
    if sys.version_info >= (3, 12):
        compile(result.updated, "m.py", "exec")


def test_deep_nesting_degrades_per_function_with_a_one_line_reason() -> None:
    deep = b"TABLE = " + b"[" * 400 + b"]" * 400 + b"\n"
    source = b"import os\n" + deep + b"def start():\n    print(1)\n\n\ndef start_more():\n    print(2)\n"
    config = build_config({"preset": "none", "entry-points": ["m:start*"]}, root=Path("/m"))
    result = transform_source(Path("/m/m.py"), "m", source, config, None)
    assert result.error is None and result.updated == source
    assert [(f.entry_point, f.action) for f in result.functions] == [("m:start", "needs-person"), ("m:start_more", "needs-person")]
    for function in result.functions:
        assert "recursion limit" in function.detail and "\n" not in function.detail


def test_lone_cr_and_nul_files_are_refused_by_both_runners(tmp_path: Path) -> None:
    files = {
        "pkg/cr.py": UNGUARDED.replace("\n", "\r").encode(),
        "pkg/nul.py": UNGUARDED.replace("print", "print, name='\x00'").encode(),
        "pkg/ok.py": UNGUARDED,
    }
    ours = write_project(tmp_path / "ours", files, TABLE)
    theirs = write_project(tmp_path / "theirs", files, TABLE)
    code, _, err = run(ours)
    assert code == 2
    assert "pkg/cr.py: error: the file uses lone CR line endings" in err
    assert "pkg/nul.py: error: the file contains NUL bytes" in err
    done = subprocess.run(
        [sys.executable, "-m", "libcst.tool", "codemod", "--no-format", "-x",
         "codemods.scheduler_guard.SchedulerGuardCommand", "-j", "1", "--hide-progress", "pkg"],
        cwd=theirs, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    for name in ("cr.py", "nul.py", "ok.py"):
        assert (ours / "pkg" / name).read_bytes() == (theirs / "pkg" / name).read_bytes(), name


@pytest.mark.parametrize(
    ("where", "text", "message"),
    [
        ("pyproject.toml", '[tool.ruff]\nline-length = "100"\n', "pyproject.toml: 'line-length' in [tool.ruff] must be an integer from 1 to 320, got '100'"),
        ("pyproject.toml", "[tool.ruff]\nline-length = 0\n", "must be an integer from 1 to 320, got 0"),
        ("pyproject.toml", "[tool.ruff]\nline-length = 321\n", "must be an integer from 1 to 320, got 321"),
        ("pyproject.toml", "[tool.black]\nline-length = true\n", "'line-length' in [tool.black] must be a positive integer, got True"),
        ("ruff.toml", "line-length = -5\n", "ruff.toml: 'line-length' must be an integer from 1 to 320, got -5"),
        (".ruff.toml", "line-length = [\n", ".ruff.toml: invalid TOML, so the formatter's line length is unknown"),
    ],
)
def test_a_line_length_the_formatter_would_refuse_stops_apply_before_any_write(tmp_path: Path, where: str, text: str, message: str) -> None:
    root = write_project(tmp_path / "proj", {"pkg/job.py": UNGUARDED}, TABLE)
    with (root / where).open("a") as handle:
        handle.write("\n" + text)
    code, out, err = run(root)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1, (out, err)
    assert (root / "pkg" / "job.py").read_text() == UNGUARDED


def test_ruff_toml_decides_the_line_length_before_pyproject(tmp_path: Path) -> None:
    """Ruff's own precedence: ``.ruff.toml``, then ``ruff.toml``, then ``pyproject.toml``."""
    from codemods.style import project_line_length

    root = write_project(tmp_path / "proj", {}, TABLE)
    with (root / "pyproject.toml").open("a") as handle:
        handle.write("\n[tool.ruff]\nline-length = 100\n[tool.black]\nline-length = 60\n")
    assert project_line_length(root) == 100
    (root / "ruff.toml").write_text("line-length = 79\n")
    assert project_line_length(root) == 79
    (root / ".ruff.toml").write_text("[lint]\nselect = ['E']\n")
    assert project_line_length(root) == 88, "a .ruff.toml without line-length means ruff's default, whatever the others say"
    (root / ".ruff.toml").unlink()
    (root / "ruff.toml").unlink()
    (root / "pyproject.toml").write_text((root / "pyproject.toml").read_text().replace("[tool.ruff]\nline-length = 100\n", ""))
    assert project_line_length(root) == 60


@pytest.mark.skipif(shutil.which("ruff") is None and not Path(sys.executable).with_name("ruff").exists(), reason="ruff not installed")
def test_isort_clean_files_stay_isort_clean_and_lines_fit_the_project_length(tmp_path: Path) -> None:
    sources = {
        "pkg/plain.py": "import threading\n\n\ndef start():\n    threading.Thread(target=print).start()\n",
        "pkg/sections.py": (
            "from __future__ import annotations\n\nimport json\nimport sys\nfrom pathlib import Path\n\nimport click\n\n\n"
            "class VeryLongServiceNameForTheLineLengthTest:\n    class Inner:\n        def start(self):\n"
            "            print(json, sys, Path, click)\n"
        ),
        "pkg/third.py": "from __future__ import annotations\n\nimport click\n\n\ndef start():\n    click.echo('x')\n",
    }
    table = {"preset": "none", "entry-points": ["pkg.*:start", "pkg.*:*.start"]}
    root = write_project(tmp_path / "proj", sources, table)
    with (root / "pyproject.toml").open("a") as handle:
        handle.write("\n[tool.ruff]\nline-length = 79\n")
    ruff = [str(Path(sys.executable).with_name("ruff"))] if Path(sys.executable).with_name("ruff").exists() else ["ruff"]
    command = [*ruff, "check", "--select", "I,E501", "--line-length", "79", "--no-cache", "pkg"]
    before = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    assert before.returncode == 0, before.stdout
    assert run(root)[0] == 0
    after = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    assert after.returncode == 0, after.stdout
    text = (root / "pkg" / "sections.py").read_text()
    assert "logging.getLogger(__name__).debug(\n" in text, "the long log call is wrapped as black wraps it"
    assert "os.environ.get(\n" in text, "so is the long mode read"
    checked = cli_runner().invoke(cli, ["check", str(root)])
    assert checked.exit_code == 0, checked.output


def test_each_file_written_is_listed_on_stderr(tmp_path: Path) -> None:
    root = write_project(tmp_path / "proj", {"pkg/a.py": UNGUARDED, "pkg/b.py": UNGUARDED + "\n\nclass S:\n    def start(self):\n        print(1)\n"},
                         {"preset": "none", "entry-points": ["pkg.*:start", "pkg.*:*.start"]})
    code, out, err = run(root, "--check")
    assert code == 1
    assert "would fix pkg/a.py (start)\n" in err and "would fix pkg/b.py (start, S.start)\n" in err
    code, out, err = run(root)
    assert code == 0
    assert "fixed pkg/a.py (start)\n" in err and "fixed pkg/b.py (start, S.start)\n" in err
    assert out.strip() == "fixed 3 entry points in 2 files; 0 need a person"


def test_run_apply_reports_symlink_policy_without_cli(tmp_path: Path) -> None:
    root = write_project(tmp_path / "proj", {"pkg/a.py": UNGUARDED}, TABLE)
    (root / "pkg" / "gone.py").symlink_to(root / "nowhere.py")
    report = run_apply(load_config([root]), [root], jobs=1)
    assert [(e.path.name, e.message.split(" (")[0]) for e in report.errors] == [("gone.py", "dangling symlink")]
    assert os.path.exists(root / "pkg" / "a.py") and stat.S_ISREG((root / "pkg" / "a.py").stat().st_mode)
