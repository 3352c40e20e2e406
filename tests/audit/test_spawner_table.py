"""The spawner table is data: documented row by row, extensible with ``audit-spawners``, validated with one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from thor_guard.audit.prefilter import SPAWN_MARKERS, is_seed
from thor_guard.audit.spawners import BUILTIN_SPAWNERS, KINDS, Spawner, SpawnerTable, parse_spawner_entries
from thor_guard.cli import cli
from thor_guard.config import build_config
from thor_guard.errors import ConfigError
from thor_guard.rule_examples import AUDIT_RULE_DOCS, EXAMPLE_MODULE, Example
from tests.audit.project import audit, write_project

DOCS = Path(__file__).resolve().parents[2] / "docs" / "audit.md"


def test_every_builtin_row_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = [row.name for row in BUILTIN_SPAWNERS if f"`{row.name}`" not in text]
    assert missing == []


def test_rows_are_well_formed() -> None:
    for row in BUILTIN_SPAWNERS:
        assert row.kind in KINDS, row
        assert row.name.count(":") == 1, row
    # Each search word is a marker or contains one, so a file using any row is parsed.
    for row in BUILTIN_SPAWNERS:
        if row.role != "job":
            for word in row.search_words():
                assert any(marker in word.encode() for marker in SPAWN_MARKERS), row


@pytest.mark.parametrize(
    ("text", "seed"),
    [
        (b"import gevent\ngevent.spawn(f)\n", True),
        (b"from eventlet import spawn_n\nspawn_n(f)\n", True),
        (b"loop.run_in_executor(None, f)\n", True),
        (b"from uwsgidecorators import timer\n", True),
        (b"import uwsgi\nuwsgi.register_signal(17, \"worker\", f)\n", True),
        (b"sender.add_periodic_task(10, t)\n", True),
        (b"import os\nprint(os.getcwd())\n", False),
    ],
)
def test_seed_markers(text: bytes, seed: bool) -> None:
    assert is_seed(text) is seed


def test_config_rows_extend_the_table() -> None:
    rows = parse_spawner_entries(["ops.bg:in_background", {"spawner": "ops.bg:Runner.launch", "kind": "process", "target": 1}])
    assert rows == (Spawner("ops.bg:in_background", "thread", target=0), Spawner("ops.bg:Runner.launch", "process", target=1))
    table = SpawnerTable.build(rows)
    assert table.calls["ops.bg.in_background"].kind == "thread"
    assert table.methods[("ops.bg.Runner", "launch")].target == 1
    assert b"in_background" in table.markers()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("ops.bg:in_background", "must be a list"),
        ([3], "must be a string or a table"),
        (["ops.bg"], "exactly one ':'"),
        (["ops.bg:in_*"], "wildcards are not allowed"),
        ([{"spawner": "a:b", "knd": "thread"}], "unknown key 'knd' in 'audit-spawners' entry (did you mean 'kind'?)"),
        ([{"spawner": "a:b", "kind": "thred"}], "unknown kind 'thred' (did you mean 'thread'?)"),
        ([{"spawner": "a:b", "role": "decorate"}], "unknown role 'decorate' (did you mean 'decorator'?)"),
        ([{"spawner": "a:b", "target": 5}], "'target' must be the position of the function argument, 0 to 2"),
        ([{"spawner": "a:b", "target": True}], "'target' must be the position"),
        ([{"kind": "thread"}], "needs 'spawner = \"module:qualname\"'"),
    ],
)
def test_bad_entries_are_one_line_config_errors(tmp_path: Path, value: object, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        build_config({"audit-spawners": value}, root=tmp_path, config_file=tmp_path / "pyproject.toml")
    text = str(info.value)
    assert message in text and "\n" not in text and "pyproject.toml" in text


def test_misspelled_key_suggests_audit_spawners(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="did you mean 'audit-spawners'"):
        build_config({"audit-spawner": []}, root=tmp_path)


def test_bad_entry_exits_2_from_the_console_script(tmp_path: Path) -> None:
    write_project(tmp_path, {"app.py": "x = 1\n"}, 'preset = "none"\naudit-spawners = [{ spawner = "a:b", kind = "thred" }]\n')
    done = subprocess.run([sys.executable, "-m", "thor_guard", "audit", str(tmp_path)], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "unknown kind 'thred'" in done.stderr and done.stdout == ""


def test_changing_audit_spawners_invalidates_the_cached_result(tmp_path: Path) -> None:
    files = {"ops/bg.py": "def in_background(fn):\n    fn()\n", "boot.py": "from ops.bg import in_background\nin_background(print)\n"}
    write_project(tmp_path, files)
    assert audit(tmp_path, use_cache=True).spawns == ()
    (tmp_path / "pyproject.toml").write_text('[tool.thor-guard]\npreset = "none"\naudit-spawners = ["ops.bg:in_background"]\n')
    spawns = audit(tmp_path, use_cache=True).spawns
    assert [(s.api, s.classification, s.call_path) for s in spawns] == [("ops.bg.in_background", "unguarded", ("boot:<module>",))]


def _audit_codes(tmp_path: Path, example: Example) -> list[str]:
    files = {EXAMPLE_MODULE.replace(".", "/") + ".py": example.source, **example.files}
    result = audit(write_project(tmp_path, files))
    assert result.errors == ()
    return sorted(s.code for s in result.spawns if s.code)


@pytest.mark.parametrize("example", [e for doc in AUDIT_RULE_DOCS for e in doc.bad], ids=lambda e: e.title)
def test_audit_rule_bad_examples(tmp_path: Path, example: Example) -> None:
    assert set(_audit_codes(tmp_path, example)) == {AUDIT_RULE_DOCS[0].code}


@pytest.mark.parametrize("example", [e for doc in AUDIT_RULE_DOCS for e in doc.good], ids=lambda e: e.title)
def test_audit_rule_good_examples(tmp_path: Path, example: Example) -> None:
    assert _audit_codes(tmp_path, example) == []


def test_tg013_text_json_and_explain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_project(tmp_path, {"services/feed.py": AUDIT_RULE_DOCS[0].bad[0].source})
    monkeypatch.chdir(tmp_path)
    plain = CliRunner().invoke(cli, ["audit", "--no-cache", "--no-color"])
    assert plain.exit_code == 0  # a warning: reported, not failing (see --fail-on)
    assert CliRunner().invoke(cli, ["audit", "--no-cache", "--fail-on", "warning"]).exit_code == 1
    assert "TG013 [inert-spawn] threading.Thread(...) starts from import trigger services.feed:<module> but its target" in plain.stdout
    assert "proof:" not in plain.stdout
    assert "1 inert" in plain.stdout
    explained = CliRunner().invoke(cli, ["audit", "--no-cache", "--no-color", "--explain"])
    assert "    proof: services.feed:stream_quotes returns at its guard `if os.environ.get(" in explained.stdout
    assert "(line 7) before any side effect with THOR_SCHEDULER_MODE unset, 'heartbeat'" in explained.stdout
    document = json.loads(CliRunner().invoke(cli, ["audit", "--no-cache", "--format", "json"]).stdout)
    (finding,) = document["findings"]
    assert finding["code"] == "TG013" and finding["severity"] == "warning"
    assert finding["classification"] == "inert" and finding["guarded_by"] == "services.feed:stream_quotes"
    assert "returns at its guard" in finding["proof"]
    assert document["summary"]["inert"] == 1
    selected = CliRunner().invoke(cli, ["audit", "--no-cache", "--select", "TG010"])
    assert selected.exit_code == 0
