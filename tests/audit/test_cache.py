"""The cache: an unchanged tree is not parsed again; one changed file is the only one re-parsed."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

import thor_guard.audit.extract as extract_module
from tests.audit.project import audit, write_project
from thor_guard.audit.cache import CACHE_DIR_NAME, FACTS_FILE, INDEX_FILE

FILES = {
    "pkg/svc.py": "import threading\ndef start():\n    threading.Thread(target=print).start()\n",
    "pkg/stack.py": "from pkg.svc import start\ndef boot():\n    start()\n",
    "app.py": "from pkg.stack import boot\nboot()\n",
    "pkg/unrelated.py": "def add(a, b):\n    return a + b\n",
}


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every module the extractor parses in this test (the parser is only reached through extract_facts)."""
    seen: list[str] = []
    real = extract_module.extract_facts

    def counting(source: bytes, module: str, is_package: bool, positions: object = None) -> object:
        seen.append(module)
        return real(source, module, is_package, positions)  # type: ignore[arg-type]

    monkeypatch.setattr(extract_module, "extract_facts", counting)
    return seen


def _touch_content(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def _summary(result: object) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(s.function, s.classification, s.call_path) for s in result.spawns]  # type: ignore[attr-defined]


def test_second_run_parses_nothing_and_reads_nothing(tmp_path: Path, parses: list[str]) -> None:
    root = write_project(tmp_path, FILES)
    first = audit(root, use_cache=True)
    assert sorted(parses) == ["app", "pkg.stack", "pkg.svc"]  # pkg.unrelated never mentions a wanted name
    parses.clear()
    second = audit(root, use_cache=True)
    assert parses == []
    assert second.stats.result_from_cache and second.stats.read == 0 and second.stats.parsed == 0
    assert _summary(second) == _summary(first) == [("pkg.svc:start", "unguarded", ("app:<module>", "pkg.stack:boot", "pkg.svc:start"))]


def test_changing_one_file_reparses_only_that_file(tmp_path: Path, parses: list[str]) -> None:
    root = write_project(tmp_path, FILES)
    audit(root, use_cache=True)
    parses.clear()
    _touch_content(root / "pkg/stack.py", "import os\nfrom pkg.svc import start\ndef boot():\n    start()\n    os.getpid()\n")
    result = audit(root, use_cache=True)
    assert parses == ["pkg.stack"]
    assert result.stats.parsed == 1 and result.stats.facts_from_cache == 2
    assert _summary(result) == [("pkg.svc:start", "unguarded", ("app:<module>", "pkg.stack:boot", "pkg.svc:start"))]


def test_an_edit_that_adds_a_guard_changes_the_result(tmp_path: Path) -> None:
    root = write_project(tmp_path, FILES)
    assert audit(root, use_cache=True).spawns[0].classification == "unguarded"
    guarded = (
        "import os\nfrom pkg.svc import start\ndef boot():\n"
        "    if os.environ.get('THOR_SCHEDULER_MODE', 'heartbeat').lower() == 'heartbeat':\n        return\n    start()\n"
    )
    _touch_content(root / "pkg/stack.py", guarded)
    again = audit(root, use_cache=True)
    assert (again.spawns[0].classification, again.spawns[0].guarded_by) == ("guarded", "pkg.stack:boot")
    assert again.stats.verified_functions == 1
    _touch_content(root / "app.py", "from pkg.stack import boot\nboot()\n# touched\n")
    third = audit(root, use_cache=True)
    assert third.stats.parsed == 1 and third.stats.verified_functions == 0  # the verdict came from the cache
    assert third.spawns[0].classification == "guarded"


def test_cache_directory_is_tagged_and_ignored_by_git(tmp_path: Path) -> None:
    root = write_project(tmp_path, FILES)
    audit(root, use_cache=True)
    cache = root / CACHE_DIR_NAME
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    root = write_project(tmp_path, FILES)
    audit(root, use_cache=False)
    assert not (root / CACHE_DIR_NAME).exists()


def test_a_damaged_cache_is_ignored(tmp_path: Path, parses: list[str]) -> None:
    root = write_project(tmp_path, FILES)
    first = audit(root, use_cache=True)
    (root / CACHE_DIR_NAME / INDEX_FILE).write_bytes(b"not a pickle")
    (root / CACHE_DIR_NAME / FACTS_FILE).write_bytes(pickle.dumps({"format": -1}))
    parses.clear()
    again = audit(root, use_cache=True)
    assert _summary(again) == _summary(first)
    assert sorted(parses) == ["app", "pkg.stack", "pkg.svc"]


def test_parallel_parsing_gives_the_same_result(tmp_path: Path) -> None:
    files = {f"pkg/mod{i:03d}.py": f"import threading\ndef start_{i}():\n    threading.Thread(target=print).start()\nstart_{i}()\n" for i in range(60)}
    root = write_project(tmp_path, files)
    serial = audit(root, jobs=1)
    parallel = audit(root, jobs=2)
    assert serial.stats.parsed == parallel.stats.parsed == 60
    assert _summary(serial) == _summary(parallel)
    assert len(serial.spawns) == 60
