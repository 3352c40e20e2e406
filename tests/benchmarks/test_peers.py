"""The peers mean what check and audit mean: guard shapes, semgrep rule rendering, the manifest reader."""

from __future__ import annotations

import textwrap
from pathlib import Path

import libcst as cst
import pytest
import yaml
from libcst.metadata import MetadataWrapper, QualifiedNameProvider

from benchmarks.peers.guard_shape import starts_with_guard
from benchmarks.peers.manifest import PRESET_THOR, entry_points, thor_guard_table
from benchmarks.peers.semgrep_rules import AUDIT_RULE_FILE, audit_rule, check_rule
from thor_guard.presets import PRESETS


def _verdict(source: str) -> bool:
    wrapper = MetadataWrapper(cst.parse_module(textwrap.dedent(source)))
    names = wrapper.resolve(QualifiedNameProvider)
    function = next(node for node in wrapper.module.body if isinstance(node, cst.FunctionDef))

    def qualified(node: cst.CSTNode) -> set[str]:
        value = names.get(node, set())
        return {q.name for q in (value() if callable(value) else value)}  # QualifiedNameProvider values may be lazy

    return starts_with_guard(function, qualified)


GUARDED = [
    """
    import os
    def start():
        '''Doc.'''
        scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if scheduler_mode == "heartbeat":
            return
        run()
    """,
    """
    import os as _os
    def start():
        if _os.getenv("THOR_SCHEDULER_MODE", "heartbeat").casefold() in ("heartbeat", "hb"):
            raise SystemExit
        run()
    """,
    """
    from os import getenv
    def start():
        import logging
        mode = getenv("THOR_SCHEDULER_MODE", "Heartbeat").strip().lower()
        if mode == "heartbeat": return False
    """,
]
UNGUARDED = [
    "def start():\n    run()\n",
    # no .lower(): HEARTBEAT would run the legacy body
    "import os\ndef start():\n    if os.environ.get('THOR_SCHEDULER_MODE', 'heartbeat') == 'heartbeat':\n        return\n",
    # unsafe default
    "import os\ndef start():\n    if os.environ.get('THOR_SCHEDULER_MODE', 'legacy').lower() == 'heartbeat':\n        return\n",
    # late: a side effect first
    "import os\ndef start():\n    load()\n    if os.environ.get('THOR_SCHEDULER_MODE', 'heartbeat').lower() == 'heartbeat':\n        return\n",
    # no exit
    "import os\ndef start():\n    if os.environ.get('THOR_SCHEDULER_MODE', 'heartbeat').lower() == 'heartbeat':\n        log()\n",
    # a look-alike that is not os
    "import fakeos as os\ndef start():\n    if os.environ.get('THOR_SCHEDULER_MODE', 'heartbeat').lower() == 'heartbeat':\n        return\n",
]


@pytest.mark.parametrize("source", GUARDED)
def test_guard_shapes_accepted(source: str) -> None:
    assert _verdict(source) is True


@pytest.mark.parametrize("source", UNGUARDED)
def test_non_guards_rejected(source: str) -> None:
    assert _verdict(source) is False


def test_semgrep_rules_are_valid_yaml_and_the_committed_audit_rule_is_current() -> None:
    assert AUDIT_RULE_FILE.read_text() == audit_rule()
    [audit] = yaml.safe_load(audit_rule())["rules"]
    assert audit["id"] == "thor-unguarded-spawn" and len(audit["patterns"]) > 4
    [check] = yaml.safe_load(check_rule(["pkg.mod:*Worker.start", "pkg.hooks:_start_all"], ["pkg/mod.py", "pkg/hooks.py"]))["rules"]
    assert check["paths"]["include"] == ["/pkg/mod.py", "/pkg/hooks.py"]
    assert check["patterns"][1]["metavariable-regex"]["regex"] == "^(_start_all|start)$"


def test_manifest_reader_matches_thor_guard_preset(tmp_path: Path) -> None:
    assert PRESET_THOR == PRESETS["thor"]
    (tmp_path / "pyproject.toml").write_text('[tool.thor-guard]\nentry-points = ["a:b"]\n')
    table = thor_guard_table(tmp_path / "pyproject.toml")
    assert table is not None and entry_points(table) == ("a:b",)  # explicit entry-points replace the preset
    (tmp_path / "pyproject.toml").write_text('[tool.thor-guard]\npreset = "thor"\nentry-points = ["a:b"]\n')
    assert entry_points(thor_guard_table(tmp_path / "pyproject.toml") or {}) == ("a:b", *PRESET_THOR)
    (tmp_path / "pyproject.toml").write_text('[tool.thor-guard]\npreset = "none"\nentry-points = ["a:b"]\n')
    assert entry_points(thor_guard_table(tmp_path / "pyproject.toml") or {}) == ("a:b",)
