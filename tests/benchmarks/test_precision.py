"""``python -m benchmarks.precision`` runs end to end on a tiny tree and counts what check said (not timed)."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.precision import categorise, main, manifest, module_functions

GUARD = '        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n            return\n'
FILES = {
    "svc/__init__.py": "",
    "svc/workers.py": (
        "import os\nimport threading\n\n\n"
        "class Feed:\n"
        f"    def start(self):\n{GUARD}        threading.Thread(target=self.run).start()\n\n"
        "    def run(self):\n        self.loop()\n\n"
        "    def describe(self):\n        return 'not a starter name'\n\n\n"
        "def launch():\n    threading.Thread(target=print).start()\n"
    ),
    "svc/tests/test_x.py": "def test_nothing():\n    pass\n",
}


def _tree(root: Path) -> Path:
    for relative, text in FILES.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_the_wide_manifest_names_starter_methods_and_module_functions(tmp_path: Path) -> None:
    root = _tree(tmp_path / "tree")
    entries = manifest(root, wide=False)
    assert "svc.workers:launch" in module_functions(root)
    assert "svc.tests.test_x:test_nothing" not in module_functions(root)
    assert "svc.*:*.start*" in entries and "svc.*:*.run" in entries
    assert "svc.workers:launch" in entries


def test_the_script_counts_codes_on_a_tiny_tree(tmp_path: Path, capsys) -> None:
    root = _tree(tmp_path / "tree")
    out = tmp_path / "out.json"
    assert main(["--trees", "", "--path", str(root), "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "| code | count | first example |" in printed
    report = json.loads(out.read_text())[0]
    # Feed.start (guarded), Feed.run and launch (no guard); describe is not a starter name.
    assert report["entry_points"] == 3
    assert report["clean"] == 1
    assert report["codes"].get("TG001") == 2
    assert report["examples"]["TG001"].startswith("svc/workers.py:")
    assert (root / "svc" / "workers.py").exists(), "the original tree is only copied"


def test_everything_with_all(tmp_path: Path) -> None:
    root = _tree(tmp_path / "tree")
    out = tmp_path / "out.json"
    assert main(["--trees", "", "--path", str(root), "--all", "--json", str(out)]) == 0
    report = json.loads(out.read_text())[0]
    assert report["entry_points"] == 4  # describe too; the excluded tests directory is not checked


def test_categories_blank_names_numbers_and_the_entry_point() -> None:
    first = categorise("cannot verify 'self.helper()': the call has 2 arguments (pkg.mod:Feed.start)")
    second = categorise("cannot verify 'other()': the call has 3 arguments (pkg.other:run)")
    assert first == second == "cannot verify '…': the call has N arguments"


def test_bad_arguments_exit_2(tmp_path: Path, capsys) -> None:
    assert main(["--trees", "flask"]) == 2
    assert "unknown tree 'flask'" in capsys.readouterr().err
    assert main(["--trees", "", "--path", str(tmp_path / "missing")]) == 2
