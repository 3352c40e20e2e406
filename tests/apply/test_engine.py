"""The engine's shortcuts give the same answers as the slow way: batched target resolution and the text pre-filter."""

from __future__ import annotations

from pathlib import Path

import libcst as cst

from thor_guard.verifier.skeleton import walk_functions
from tests.apply.cases import all_cases
from thor_guard.apply import _resolve_all, def_pattern
from thor_guard.config import build_config
from thor_guard.targets import Target, resolve_target_modules

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "legacy_thor"


def _tree(root: Path, files: list[str]) -> None:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("def start():\n    pass\n")


def test_batched_resolution_equals_per_target_resolution(tmp_path: Path) -> None:
    _tree(tmp_path / "src", ["pkg/__init__.py", "pkg/a.py", "pkg/sub/__init__.py", "pkg/sub/b.py", "pkg/tests/t.py", "other/c.py"])
    _tree(tmp_path / "lib", ["pkg/a.py", "pkg/z.py", "third/d.py"])
    table = {
        "preset": "thor",
        "source-roots": ["src", "lib"],
        "exclude": ["**/tests/**"],
        "entry-points": ["pkg.*:start", "pkg.sub.*:*", "*:start", "pkg.a:start", "third.d:*", "missing.*:x", "pkg.s?b.b:start"],
    }
    for config in (build_config(table, root=tmp_path), build_config({"source-roots": ["."]}, root=EXAMPLE)):
        expected = {t: resolve_target_modules(t, config.source_roots, config.exclude) for t in config.entry_points}
        assert _resolve_all(config) == expected


def test_prefilter_never_skips_a_file_with_a_targeted_function() -> None:
    patterns = ["*", "*.start", "start*", "*on_market_*", "Outer.*", "Svc.st?rt", "*.[sS]tart"]
    for case in all_cases():
        functions = [q for q, _ in walk_functions(cst.parse_module(case.source))]
        for pattern in patterns:
            target = Target.parse(f"{case.module}:{pattern}")
            if any(target.matches_qualname(q) for q in functions):
                assert def_pattern([target]).search(case.source), (case.name, pattern)


# Spellings Python accepts for a def that a plain `def\s+name` regex misses (review RA-8).
_ODD_DEFS = {
    "continuation_after_name": "def start \\\n        (self=None):\n    pass\n",
    "continuation_after_def": "def \\\n        start():\n    pass\n",
    "continuation_crlf": "def \\\r\n        start():\r\n    pass\r\n",
    "nfkc_first_letter": "def \uff53tart():\n    pass\n",
    "nfkc_later_letter": "def st\uff41rt():\n    pass\n",
    "class_continuation": "class \\\n    Svc:\n    def start(self):\n        pass\n",
}


def test_prefilter_keeps_every_spelling_python_reads_as_the_target() -> None:
    import unicodedata

    for name, text in _ODD_DEFS.items():
        source = text.encode()
        functions = [unicodedata.normalize("NFKC", q) for q, _ in walk_functions(cst.parse_module(source))]
        for pattern in ("start", "Svc.start", "st*", "*.start", "Svc.*"):
            target = Target.parse(f"m:{pattern}")
            if any(target.matches_qualname(q) for q in functions):
                assert def_pattern([target]).search(source), (name, pattern)


def test_prefilter_still_skips_files_without_the_target() -> None:
    target = Target.parse("m:start")
    assert not def_pattern([target]).search(b"def stop():\n    pass\n\n\ndef restart_later():\n    pass\n")
    assert not def_pattern([target]).search(b"class Starter:\n    def begin(self):\n        pass\n")
