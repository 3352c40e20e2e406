"""Honest defaults: ruff-style presets, a notice when no configuration exists, nothing-selected is exit 2."""

from __future__ import annotations

import json
from pathlib import Path

from tests.check.project import cli_runner, write_project
from tests.cli.helpers import copy_example, run, write_files
from thor_guard.cli import cli
from thor_guard.presets import PRESETS

UNGUARDED = "import threading\n\n\ndef start():\n    threading.Thread(target=print).start()\n"


def test_explicit_entry_points_replace_the_preset(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"app/svc.py": UNGUARDED}, {"entry-points": ["app.svc:start"]})
    result = cli_runner().invoke(cli, ["check", str(root), "--format", "json"])
    codes = [f["code"] for f in json.loads(result.stdout)["findings"]]
    assert codes == ["TG001"], result.stdout  # no TG008 for the ThorTrading preset nobody asked for
    assert result.stderr == ""


def test_naming_the_preset_or_extending_keeps_it(tmp_path: Path) -> None:
    for table in ({"preset": "thor", "entry-points": ["app.svc:start"]}, {"extend-entry-points": ["app.svc:start"]}):
        root = write_project(tmp_path / str(len(table)) / next(iter(table)), {"app/svc.py": UNGUARDED}, table)
        findings = json.loads(cli_runner().invoke(cli, ["check", str(root), "--format", "json"]).stdout)["findings"]
        assert sorted(f["code"] for f in findings) == ["TG001"] + ["TG008"] * len(PRESETS["thor"]), table


def test_no_configuration_says_so_in_one_stderr_line(tmp_path: Path) -> None:
    done = run(["check"], cwd=tmp_path)
    assert done.returncode == 1  # the preset's modules are missing here: TG008 findings
    assert done.stderr == (
        "thor-guard: no [tool.thor-guard] configuration found at or above .; "
        f"using the built-in 'thor' preset ({len(PRESETS['thor'])} entry points)\n"
    )
    assert done.stdout.count("TG008 [entry-point-not-found]") == len(PRESETS["thor"])
    # a pyproject.toml without the table is no configuration either
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert "no [tool.thor-guard] configuration found" in run(["audit", "--no-cache"], cwd=tmp_path).stderr
    named = run(["check", "--config", "pyproject.toml"], cwd=tmp_path)
    assert named.stderr.startswith("thor-guard: pyproject.toml has no [tool.thor-guard] table; using the built-in 'thor' preset")


def test_configured_projects_get_no_notice(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"app/svc.py": UNGUARDED}, {"entry-points": ["app.svc:start"]})
    assert run(["check"], cwd=root).stderr == ""


def test_paths_that_select_no_entry_point_are_exit_2(tmp_path: Path) -> None:
    example = copy_example(tmp_path / "legacy_thor")
    done = run(["check", "."], cwd=example / "thor_project")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("thor-guard: error: no entry point of the manifest lies under . (8 entry points in ")
    assert "nothing was checked" in done.stderr and len(done.stderr.splitlines()) == 1
    # the same directory without PATHS checks the whole manifest (config found from the current directory)
    assert run(["check"], cwd=example / "thor_project").stdout.endswith("Found 5 findings (8 entry points, 8 files checked).\n")
    # PATHS that do hold entry points are a normal run
    assert run(["check", "ThorTrading/services"], cwd=example).returncode == 1
    # apply selects its work the same way, and says the same
    fixed_nothing = run(["apply", "."], cwd=example / "thor_project")
    assert fixed_nothing.returncode == 2 and fixed_nothing.stderr == done.stderr
    assert run(["check"], cwd=example).stdout.endswith("Found 5 findings (8 entry points, 8 files checked).\n")  # nothing written


def test_an_empty_manifest_checks_nothing_and_says_so(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"app/svc.py": UNGUARDED}, {"entry-points": []})
    result = cli_runner().invoke(cli, ["check", str(root)])
    assert result.exit_code == 2 and "the manifest has no entry points" in result.stderr


def test_check_help_describes_what_paths_do() -> None:
    text = " ".join(cli_runner().invoke(cli, ["check", "--help"]).stdout.split())
    assert "Without PATHS the whole manifest is checked" in text
    assert "the first one locates the configuration" in text
    assert "PATHS that hold no entry point of the manifest are an error (exit 2)" in text


def test_init_keeps_the_preset_when_its_modules_exist(tmp_path: Path) -> None:
    example = copy_example(tmp_path / "legacy_thor")
    text = (example / "pyproject.toml").read_text(encoding="utf-8").replace('preset = "thor"\n', "")
    (example / "pyproject.toml").write_text(text, encoding="utf-8")
    done = run(["init", "--write", "--no-cache"], cwd=example)
    assert done.returncode == 0, done.stderr
    table = (example / "pyproject.toml").read_text(encoding="utf-8")
    assert '[tool.thor-guard]\npreset = "thor"\nentry-points = [' in table
    check = run(["check", "--format", "json"], cwd=example)
    assert json.loads(check.stdout)["summary"]["entry_points"] == 10  # 8 from the preset + the 2 proposed


def test_init_without_the_preset_modules_writes_only_entry_points(tmp_path: Path) -> None:
    write_files(tmp_path, {"app/svc.py": UNGUARDED, "app/boot.py": "from app.svc import start\nstart()\n"})
    done = run(["init", "--write", "--no-cache"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("pyproject.toml: added 1 entry point: app.svc:start\n")
    assert "preset" not in (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    check = run(["check"], cwd=tmp_path)
    assert "TG008" not in check.stdout and "TG001" in check.stdout and check.stderr == ""
