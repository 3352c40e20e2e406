"""The ``check`` command through CliRunner, and once through the installed console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path



from tests.check.project import cli_runner, write_project
from thor_guard.cli import cli
from thor_guard.commands.check import check

GUARDED = (
    "import os\nimport threading\n\n\nclass Feed:\n    def start(self):\n"
    '        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n            return\n'
    "        threading.Thread(target=print).start()\n"
)
UNGUARDED = "import threading\n\n\nclass Feed:\n    def start(self):\n        threading.Thread(target=print).start()\n"
LATE = (
    "import os\nimport threading\n\n\nclass Feed:\n    def start(self):\n        self.load()\n"
    '        if os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n            return\n'
    "        threading.Thread(target=print).start()\n"
)


def _project(tmp_path: Path, files: dict[str, str], entries: list[str], **table: object) -> Path:
    return write_project(tmp_path, files, {"preset": "none", "entry-points": entries, **table})


def test_clean_project_exits_0(tmp_path: Path) -> None:
    root = _project(tmp_path, {"app/feed.py": GUARDED}, ["app.feed:Feed.start"])
    result = cli_runner().invoke(check, [str(root)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "No findings (1 entry point, 1 file checked).\n"


def test_text_line_format_and_relative_paths(tmp_path: Path, monkeypatch) -> None:
    root = _project(tmp_path, {"app/feed.py": UNGUARDED}, ["app.feed:Feed.start"])
    monkeypatch.chdir(root)
    result = cli_runner().invoke(check, ["--no-color"])
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("app/feed.py:5:9: TG001 [missing-guard] no THOR_SCHEDULER_MODE guard")
    assert first.endswith("(app.feed:Feed.start)")
    assert "\x1b[" not in result.stdout


def test_select_ignore_and_statistics(tmp_path: Path) -> None:
    root = _project(tmp_path, {"app/a.py": UNGUARDED, "app/b.py": LATE}, ["app.a:Feed.start", "app.b:Feed.start"])
    runner = cli_runner()
    both = runner.invoke(check, [str(root), "--format", "json", "--statistics"])
    assert json.loads(both.stdout)["statistics"] == {"TG001": 1, "TG002": 1}
    only = runner.invoke(check, [str(root), "--format", "json", "--select", "TG002"])
    assert [f["code"] for f in json.loads(only.stdout)["findings"]] == ["TG002"]
    ignored = runner.invoke(check, [str(root), "--ignore", "TG001,TG002"])
    assert ignored.exit_code == 0, ignored.output
    text = runner.invoke(check, [str(root), "--statistics", "--no-color"])
    assert "    1  TG001  missing-guard" in text.stdout
    bad = runner.invoke(check, [str(root), "--select", "TG999"])
    assert bad.exit_code == 2 and "unknown rule code" in bad.stderr


DECORATED_LATE = (
    "import functools\nimport os\nimport threading\n\n\ndef traced(func):\n    @functools.wraps(func)\n"
    "    def wrapper(*args, **kwargs):\n        return func(*args, **kwargs)\n    return wrapper\n\n\n"
    "@traced\ndef start():\n    threading.Thread(target=print).start()\n"
    '    if os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n        return\n'
    "    threading.Thread(target=print).start()\n"
)


def test_filters_remove_only_the_code_they_name(tmp_path: Path) -> None:
    """--ignore TG009 / --select TG002 on an entry point with a TG009 premise still show its TG002 (R6-14)."""
    root = _project(tmp_path, {"app/a.py": DECORATED_LATE}, ["app.a:start"])
    runner = cli_runner()
    for options in (["--ignore", "TG009"], ["--select", "TG002"]):
        result = runner.invoke(check, [str(root), "--no-cache", "--format", "json", *options])
        assert result.exit_code == 1, result.output
        assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["TG002"]
    result = runner.invoke(check, [str(root), "--no-cache", "--format", "json", "--select", "TG009"])
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["TG009"]


def test_config_option_and_paths_restrict_the_check(tmp_path: Path) -> None:
    root = _project(tmp_path, {"app/a.py": UNGUARDED, "app/b.py": GUARDED}, [])
    config = tmp_path / "thor.toml"
    config.write_text('preset = "none"\nentry-points = ["app.a:Feed.start", "app.b:Feed.start"]\n', encoding="utf-8")
    runner = cli_runner()
    everything = runner.invoke(check, [str(root), "--config", str(config), "--format", "json"])
    assert json.loads(everything.stdout)["summary"]["entry_points"] == 2
    only_b = runner.invoke(check, [str(root / "app" / "b.py"), "--config", str(config), "--format", "json"])
    assert only_b.exit_code == 0
    assert json.loads(only_b.stdout)["summary"]["entry_points"] == 1


def test_entry_point_not_found_points_at_the_config(tmp_path: Path) -> None:
    root = _project(tmp_path, {"app/feed.py": GUARDED}, ["app.feed:Feed.stop", "app.gone:start"])
    result = cli_runner().invoke(check, [str(root), "--format", "json"])
    findings = json.loads(result.stdout)["findings"]
    by_entry = {f["entry_point"]: f for f in findings}
    assert by_entry["app.feed:Feed.stop"]["code"] == "TG008"
    assert "did you mean 'Feed.start'" in by_entry["app.feed:Feed.stop"]["message"]
    assert by_entry["app.gone:start"]["path"].endswith("pyproject.toml")
    assert by_entry["app.gone:start"]["line"] == 3


def test_a_module_file_that_is_a_broken_link_is_named_in_its_tg008(tmp_path: Path) -> None:
    root = _project(tmp_path, {"app/feed.py": GUARDED}, ["app.null:start", "app.gone:start", "app.missing:start"])
    (root / "app" / "null.py").symlink_to(os.devnull)
    (root / "app" / "gone.py").symlink_to(tmp_path / "nowhere.py")
    result = cli_runner().invoke(check, [str(root), "--format", "json"])
    messages = {f["entry_point"]: f["message"] for f in json.loads(result.stdout)["findings"]}
    assert result.exit_code == 1
    assert f"null.py is a symlink to {os.devnull}, which is not a regular file" in messages["app.null:start"]
    assert "gone.py is a symlink to " in messages["app.gone:start"] and "which does not exist" in messages["app.gone:start"]
    assert "renamed or moved?" in messages["app.missing:start"] and "symlink" not in messages["app.missing:start"]


def test_group_help_does_not_import_libcst() -> None:
    code = "import sys\nfrom thor_guard.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\nassert 'libcst' not in sys.modules, 'libcst imported'\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "check" in done.stdout


def test_check_help_lists_every_option() -> None:
    result = cli_runner().invoke(cli, ["check", "--help"])
    for option in ("--config", "--format", "--select", "--ignore", "--statistics", "--no-color"):
        assert option in result.output


def test_console_script_in_a_subprocess(tmp_path: Path) -> None:
    root = _project(tmp_path, {"app/feed.py": UNGUARDED}, ["app.feed:Feed.start"])
    script = Path(sys.executable).parent / "thor-guard"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "thor_guard"]
    done = subprocess.run([*command, "check", str(root), "--format", "github"], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("::error file=")
    assert "title=TG001 missing-guard" in done.stdout


def test_pre_commit_hook_definition() -> None:
    text = (Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entries = dict(line.strip().lstrip("- ").split(": ", 1) for line in text.splitlines() if ": " in line and not line.lstrip().startswith("#"))
    assert entries["id"] == "thor-guard"
    assert entries["entry"] == "thor-guard check"
    assert entries["language"] == "python"
    assert entries["pass_filenames"] == "false"
    assert entries["types"] == "[python]"
