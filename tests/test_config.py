"""Configuration: discovery, --config, defaults, the preset, and one clear error per bad value."""

from __future__ import annotations

from pathlib import Path

import pytest

from thor_guard.config import DEFAULT_EXCLUDE, build_config, find_pyproject, load_config
from thor_guard.errors import ConfigError
from thor_guard.presets import PRESETS
from thor_guard.targets import Target


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_any_file(tmp_path: Path) -> None:
    config = load_config([tmp_path])
    assert config.config_file is None and config.project_root == tmp_path.resolve()
    assert [str(t) for t in config.entry_points] == list(PRESETS["thor"])
    assert (config.env_var, config.heartbeat_value, config.legacy_value) == ("THOR_SCHEDULER_MODE", "heartbeat", "legacy")
    assert config.exclude == DEFAULT_EXCLUDE and config.source_roots == (tmp_path.resolve(),)


def test_discovery_walks_up_and_prefers_the_file_with_the_table(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[tool.thor-guard]\npreset = "none"\nentry-points = ["a.b:c"]\n')
    _write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    deep = tmp_path / "sub" / "pkg"
    deep.mkdir()
    assert find_pyproject(deep) == tmp_path / "pyproject.toml"
    config = load_config([deep])
    assert config.project_root == tmp_path.resolve()
    assert [str(t) for t in config.entry_points] == ["a.b:c"]


def test_all_keys(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()  # a configured source root must exist (RA-9)
    _write(
        tmp_path / "pyproject.toml",
        """[tool.thor-guard]
source-roots = ["src"]
entry-points = ["pkg.mod:Class.start", "pkg.hooks:_start_*"]
preset = "none"
env-var = "MODE"
heartbeat-value = "hb"
legacy-value = "old"
guard-helpers = ["pkg.util:heartbeat_mode_active"]
stale-flags = ["HEARTBEAT_ENABLED"]
exclude = ["**/tests/**"]
audit-allow = ["pkg.locks:*"]
log-level = "INFO"

[tool.thor-guard.heartbeat]
fast-tick = 1.0
""",
    )
    config = load_config([tmp_path])
    assert config.source_roots == ((tmp_path / "src").resolve(),)
    assert config.entry_points == (Target("pkg.mod", "Class.start"), Target("pkg.hooks", "_start_*"))
    assert (config.env_var, config.heartbeat_value, config.legacy_value) == ("MODE", "hb", "old")
    assert config.guard_helpers == (Target("pkg.util", "heartbeat_mode_active"),)
    assert config.stale_flags == ("HEARTBEAT_ENABLED",) and config.exclude == ("**/tests/**",)
    assert config.audit_allow == (Target("pkg.locks", "*"),) and config.log_level == "info"
    assert config.heartbeat == {"fast-tick": 1.0}


def test_named_preset_and_declared_entries_merge_without_duplicates(tmp_path: Path) -> None:
    first = PRESETS["thor"][0]
    config = build_config({"preset": "thor", "entry-points": [first, "x.y:z"]}, root=tmp_path)
    names = [str(t) for t in config.entry_points]
    assert names.count(first) == 1 and names[-1] == "x.y:z" and len(names) == len(PRESETS["thor"]) + 1
    assert config.uses_preset


def test_explicit_entry_points_replace_the_preset_unless_it_is_named(tmp_path: Path) -> None:
    # ruff's convention: `select` replaces the default set; naming it (or `extend-select`) adds to it.
    replaced = build_config({"entry-points": ["x.y:z"]}, root=tmp_path)
    assert [str(t) for t in replaced.entry_points] == ["x.y:z"] and not replaced.uses_preset
    empty = build_config({"entry-points": []}, root=tmp_path)
    assert empty.entry_points == () and not empty.uses_preset
    named = build_config({"preset": "thor", "entry-points": ["x.y:z"]}, root=tmp_path)
    assert len(named.entry_points) == len(PRESETS["thor"]) + 1 and named.uses_preset
    extended = build_config({"extend-entry-points": ["x.y:z"]}, root=tmp_path)
    assert [str(t) for t in extended.entry_points] == [*PRESETS["thor"], "x.y:z"] and extended.uses_preset
    both = build_config({"entry-points": ["a.b:c"], "extend-entry-points": ["x.y:z"]}, root=tmp_path)
    assert [str(t) for t in both.entry_points] == ["a.b:c", "x.y:z"] and not both.uses_preset
    default = build_config({"stale-flags": ["OLD"]}, root=tmp_path)
    assert [str(t) for t in default.entry_points] == list(PRESETS["thor"]) and default.uses_preset
    none = build_config({"preset": "none"}, root=tmp_path)
    assert none.entry_points == () and not none.uses_preset


def test_configured_says_whether_a_table_was_found(tmp_path: Path) -> None:
    assert not load_config([tmp_path]).configured  # nothing at all
    _write(tmp_path / "a" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert not load_config([tmp_path / "a"]).configured  # a pyproject without the table
    _write(tmp_path / "b" / "pyproject.toml", "[tool.thor-guard]\n")
    assert load_config([tmp_path / "b"]).configured  # an empty table is still a configuration
    standalone = _write(tmp_path / "c.toml", 'preset = "none"\n')
    assert load_config([tmp_path], standalone).configured


def test_explicit_config_file_standalone_and_pyproject(tmp_path: Path) -> None:
    standalone = _write(tmp_path / "conf" / "thor.toml", 'preset = "none"\nentry-points = ["m:f"]\n')
    config = load_config([tmp_path], standalone)
    assert config.project_root == (tmp_path / "conf").resolve() and [str(t) for t in config.entry_points] == ["m:f"]
    pyproject = _write(tmp_path / "other" / "pyproject.toml", '[tool.thor-guard]\npreset = "none"\n')
    assert load_config([tmp_path], pyproject).entry_points == ()
    with pytest.raises(ConfigError, match="does not exist"):
        load_config([tmp_path], tmp_path / "missing.toml")


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"entry-point": ["a:b"]}, "unknown key 'entry-point' in [tool.thor-guard] (did you mean 'entry-points'?)"),
        ({"stale-flag": ["X"]}, "did you mean 'stale-flags'?"),
        ({"preset": "thr"}, "unknown preset 'thr' (did you mean 'thor'?)"),
        ({"entry-points": ["nocolon"]}, "must have the form 'module:qualname'"),
        ({"entry-points": ["a:b:c"]}, "exactly one ':'"),
        ({"entry-points": ["a.:b"]}, "is not a valid module segment"),
        ({"guard-helpers": ["pkg:help*"]}, "wildcards are not allowed here"),
        ({"entry-points": "a:b"}, "'entry-points' must be a list of strings"),
        ({"log-level": "loud"}, "'log-level' must be one of"),
        ({"env-var": ""}, "'env-var' must be a non-empty string"),
        ({"heartbeat-value": "Legacy"}, "must differ"),
        ({"heartbeat": 3}, "'heartbeat' must be a table"),
    ],
)
def test_bad_values_are_config_errors(tmp_path: Path, table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        build_config(table, root=tmp_path, config_file=tmp_path / "pyproject.toml")
    assert message in str(info.value)
    assert str(info.value).startswith(str(tmp_path / "pyproject.toml"))


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("env-var", "THOR=MODE", "'env-var' 'THOR=MODE' is not an environment variable name: it contains '='"),
        ("env-var", "THOR\nMODE", "'env-var' 'THOR\\nMODE' is not an environment variable name: it contains a line break"),
        ("env-var", "THOR\rMODE", "it contains a line break"),
        ("env-var", "THOR\0MODE", "'env-var' 'THOR\\x00MODE' is not an environment variable name: it contains a NUL character"),
        ("env-var", "THOR MODE", "'env-var' 'THOR MODE' is not an environment variable name: it contains whitespace"),
        ("env-var", " THOR_MODE", "it contains whitespace"),
        ("env-var", "THOR\tMODE", "it contains whitespace"),
        ("env-var", "THOR\x1bMODE", "it contains the control character U+001B"),
        ("stale-flags", ["OK_FLAG", "BAD FLAG"], "'stale-flags' entry 'BAD FLAG' is not an environment variable name: it contains whitespace"),
        ("stale-flags", [""], "'stale-flags' entry '' is not an environment variable name: it is empty"),
        ("stale-flags", ["A=1"], "it contains '='"),
        ("heartbeat-value", "heart\nbeat", "'heartbeat-value' 'heart\\nbeat' is not a usable mode value: it contains a line break"),
        ("heartbeat-value", " heartbeat", "'heartbeat-value' ' heartbeat' is not a usable mode value: it starts or ends with whitespace"),
        ("legacy-value", "legacy\0", "'legacy-value' 'legacy\\x00' is not a usable mode value: it contains a NUL character"),
        ("legacy-value", "legacy\r", "it contains a line break"),
        ("legacy-value", "", "'legacy-value' must be a non-empty string"),
    ],
)
def test_strings_that_become_code_or_environment_names_are_checked(tmp_path: Path, key: str, value: object, problem: str) -> None:
    """A configured variable name or mode value that the environment cannot hold, or that would change meaning in the
    generated guard, is a configuration error naming the file, the key and the problem, in one line (review AR3-20)."""
    with pytest.raises(ConfigError) as info:
        build_config({key: value}, root=tmp_path, config_file=tmp_path / "pyproject.toml")
    text = str(info.value)
    assert text.startswith(str(tmp_path / "pyproject.toml")) and problem in text and "\n" not in text, text


@pytest.mark.parametrize("command", ["check", "apply", "audit"])
def test_a_bad_variable_name_exits_2_with_one_line(tmp_path: Path, command: str) -> None:
    from tests.check.project import cli_runner
    from thor_guard.cli import cli

    _write(tmp_path / "pyproject.toml", '[tool.thor-guard]\npreset = "none"\nentry-points = ["m:start"]\nenv-var = "THOR_SCHEDULER_MODE="\n')
    _write(tmp_path / "m.py", "def start():\n    pass\n")
    result = cli_runner().invoke(cli, [command, str(tmp_path)])
    assert result.exit_code == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "pyproject.toml" in lines[0] and "'env-var' 'THOR_SCHEDULER_MODE='" in lines[0], lines
    assert (tmp_path / "m.py").read_text() == "def start():\n    pass\n"


def test_ordinary_names_and_values_are_kept(tmp_path: Path) -> None:
    table = {"env-var": "APP_MODE_2", "stale-flags": ["HEARTBEAT_ENABLED", "légacy_flag"], "heartbeat-value": "Beat", "legacy-value": "old-style=1"}
    config = build_config(table, root=tmp_path)
    assert (config.env_var, config.stale_flags, config.heartbeat_value, config.legacy_value) == (
        "APP_MODE_2", ("HEARTBEAT_ENABLED", "légacy_flag"), "Beat", "old-style=1"
    )


def test_invalid_toml_and_bad_tool_table(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[tool.thor-guard\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config([tmp_path])
    _write(tmp_path / "pyproject.toml", 'tool = "x"\n')
    with pytest.raises(ConfigError, match="'tool' must be a table"):
        load_config([tmp_path])


def test_non_utf8_config(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b'[tool.thor-guard]\npreset = "\xff"\n')
    with pytest.raises(ConfigError, match="not valid UTF-8"):
        load_config([tmp_path])


def test_missing_first_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="path does not exist"):
        load_config([tmp_path / "nope"])


def test_example_project_config() -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "legacy_thor"
    config = load_config([example])
    assert config.config_file == example / "pyproject.toml"
    assert config.stale_flags == ("HEARTBEAT_ENABLED",) and len(config.entry_points) >= 8
