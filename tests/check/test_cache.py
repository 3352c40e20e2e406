"""check's verdict cache: the cached result always equals the uncached one, and only what changed is redone.

Everything runs the real ``run_check`` on real files; the property test edits
a small tree at random (entry-point files, a guard-helper module, a
constants module, the configuration, files appearing and disappearing,
packages shadowing modules) and compares the cached and the ``--no-cache``
rendering byte for byte after every edit.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.check.project import toml_value, write_files
from thor_guard import verdict_cache
from thor_guard.check import run_check
from thor_guard.config import load_config
from thor_guard.report import render
from thor_guard.verdict_cache import Entry, VerdictCache, decode, encode

DATA = Path(__file__).resolve().parents[1] / "data" / "check"

GUARD = '    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n        return\n'
A_VARIANTS = {
    "helper": "import os\nimport threading\n\nfrom app.helpers import heartbeat_mode\n\n\ndef start():\n    if heartbeat_mode():\n        return\n    threading.Thread(target=print).start()\n",
    "inline": "import os\nimport threading\n\n\ndef start():\n" + GUARD + "    threading.Thread(target=print).start()\n",
    "none": "import threading\n\n\ndef start():\n    threading.Thread(target=print).start()\n",
    "late": "import os\nimport threading\n\n\ndef start():\n    print('x')\n" + GUARD + "    threading.Thread(target=print).start()\n",
    "local-import": "import os\nimport threading\n\n\ndef start():\n    import json\n" + GUARD + "    threading.Thread(target=print).start()\n",
    "renamed": "import threading\n\n\ndef begin():\n    threading.Thread(target=print).start()\n",
    "broken": "def start(:\n",
    "with-patcher": "import os\nimport threading\n\nimport app.patcher\n\n\ndef start():\n" + GUARD + "    threading.Thread(target=print).start()\n",
}
B_VARIANTS = {
    "constants": (
        "import os\nimport threading\n\nfrom app import settings\n\n\ndef start():\n"
        "    if os.environ.get(settings.VARIABLE, settings.DEFAULT).lower() == \"heartbeat\":\n        return\n"
        "    threading.Thread(target=print).start()\n"
    ),
    "inline": "import os\nimport threading\n\n\ndef start():\n" + GUARD + "    threading.Thread(target=print).start()\n",
    "none": "import threading\n\n\ndef start():\n    threading.Thread(target=print).start()\n",
}
HELPER_VARIANTS = {
    "right": "import os\n\n\ndef heartbeat_mode():\n    return os.environ.get(\"THOR_SCHEDULER_MODE\", \"heartbeat\").lower() == \"heartbeat\"\n",
    "wrong": "import os\n\n\ndef heartbeat_mode():\n    return os.environ.get(\"THOR_SCHEDULER_MODE\", \"legacy\").lower() == \"heartbeat\"\n",
    "never": "def heartbeat_mode():\n    return False\n",
    "missing": "def something_else():\n    return True\n",
    "broken": "def heartbeat_mode(:\n",
    None: None,
}
SETTINGS_VARIANTS = {
    "right": 'VARIABLE = "THOR_SCHEDULER_MODE"\nDEFAULT = "heartbeat"\n',
    "legacy-default": 'VARIABLE = "THOR_SCHEDULER_MODE"\nDEFAULT = "legacy"\n',
    "other-variable": 'VARIABLE = "OTHER_MODE"\nDEFAULT = "heartbeat"\n',
    "rebound": 'VARIABLE = "THOR_SCHEDULER_MODE"\nDEFAULT = "heartbeat"\nfor _ in range(1):\n    DEFAULT = "legacy"\n',
    None: None,
}
# Modules imported with app.a (its with-patcher variant): a store on os there changes a's verdict (import-time patches).
PATCHER_VARIANTS = {
    "patches": "import os\nos.environ = {}\n",
    "clean": "X = 1\n",
    "imports-deep": "import app.deep\n",
    # Import-time writes of the environment and the import system (R4-4, R4-13): imported, never followed as helpers.
    "env-mode": "import os\nos.environ.setdefault(\"THOR_SCHEDULER_MODE\", \"legacy\")\n",
    "env-other": "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"x\")\n",
    "env-unknown": "from dotenv import load_dotenv\n\nload_dotenv()\n",
    "env-in-function": "import os\n\n\ndef _set():\n    os.environ[\"THOR_SCHEDULER_MODE\"] = \"legacy\"\n\n\n_set()\n",
    "sys-path": "import sys\nsys.path.insert(0, \"/opt/vendor\")\n",
    None: None,
}
# The package __init__ every import of app.* runs (the walk reads it, binding_problem takes its census).
INIT_VARIANTS = {
    "empty": "",
    "env-mode": "import os\nos.environ.setdefault(\"THOR_SCHEDULER_MODE\", \"legacy\")\n",
    "env-other": "import os\nos.environ[\"OTHER\"] = \"1\"\n",
    "extend-path": "from pkgutil import extend_path\n\n__path__ = extend_path(__path__, __name__)\n",
}
CONFIGS = {
    "plain": {},
    "strict": {"strict": True},
    "helper-listed": {"guard-helpers": ["app.helpers:heartbeat_mode"]},
    "other-values": {"heartbeat-value": "hb", "legacy-value": "old"},
    "more-entries": {"entry-points": ["app.a:start", "app.b:start", "app.c:run"]},
    "two-roots": {"source-roots": [".", "alt"]},  # with the alt-helpers toggle: app.helpers in two roots (R4-14)
}
# Files whose mere existence changes what the verifier sees: packages shadowing a module, a project module
# named like the standard library's, a module a pattern-free entry point may now find.
TOGGLES = {
    "shadow-a": ("app/a/__init__.py", "def start():\n    pass\n"),
    "shadow-helpers": ("app/helpers/__init__.py", "def heartbeat_mode():\n    return True\n"),
    "stdlib-os": ("os.py", "environ = {}\n"),
    "stdlib-json": ("json.py", "X = 1\n"),  # a.py's local-import variant imports json before its guard
    "deep": ("app/deep.py", "import os\nos.environ = {}\n"),
    "module-c": ("app/c.py", "import threading\n\n\ndef run():\n    threading.Thread(target=print).start()\n"),
    # A compiled build of the helper module beside its source wins the import (R4-17).
    "extension": ("app/helpers.cpython-311-x86_64-linux-gnu.so", "\n"),
    "alt-helpers": ("alt/app/helpers.py", "def heartbeat_mode():\n    return False\n"),
}


def _write_config(root: Path, name: str) -> None:
    table: dict[str, object] = {"preset": "none", "entry-points": ["app.a:start", "app.b:start"], **CONFIGS[name]}
    lines = ["[tool.thor-guard]"] + [f"{key} = {toml_value(value)}" for key, value in table.items()]
    (root / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _set(root: Path, relative: str, text: str | None) -> None:
    path = root / relative
    if text is None:
        if path.exists():
            path.unlink()
        if path.parent.is_dir() and path.parent != root and path.parent.name != "app" and not any(path.parent.iterdir()):
            path.parent.rmdir()
        return
    write_files(root, {relative: text})


def _initial(root: Path) -> None:
    root.mkdir(parents=True)
    _write_config(root, "plain")
    write_files(root, {"app/a.py": A_VARIANTS["helper"], "app/b.py": B_VARIANTS["constants"]})
    _set(root, "app/helpers.py", HELPER_VARIANTS["right"])
    _set(root, "app/settings.py", SETTINGS_VARIANTS["right"])
    _set(root, "alt/.keep", "")  # the second source root of the two-roots configuration


def _outputs(root: Path, cache: VerdictCache) -> tuple[str, str, str, int, int]:
    config = load_config([root])
    result = run_check([root], config, cache=cache)
    text = render(result, "text", base=root)
    data = render(result, "json", base=root, statistics=True)
    return text.stdout, text.stderr, data.stdout, result.entry_points, result.files


def _same_with_and_without_cache(root: Path, cache_dir: Path) -> VerdictCache:
    cached = VerdictCache(cache_dir)
    assert _outputs(root, cached) == _outputs(root, VerdictCache(None))
    return cached


EDITS = st.one_of(
    st.tuples(st.just("app/a.py"), st.sampled_from(sorted(A_VARIANTS))),
    st.tuples(st.just("app/b.py"), st.sampled_from(sorted(B_VARIANTS))),
    st.tuples(st.just("app/helpers.py"), st.sampled_from(sorted(HELPER_VARIANTS, key=str))),
    st.tuples(st.just("app/settings.py"), st.sampled_from(sorted(SETTINGS_VARIANTS, key=str))),
    st.tuples(st.just("app/patcher.py"), st.sampled_from(sorted(PATCHER_VARIANTS, key=str))),
    st.tuples(st.just("app/__init__.py"), st.sampled_from(sorted(INIT_VARIANTS))),
    st.tuples(st.just("config"), st.sampled_from(sorted(CONFIGS))),
    st.tuples(st.just("toggle"), st.sampled_from(sorted(TOGGLES))),
)


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(EDITS, min_size=1, max_size=5))
def test_random_edits_cached_equals_uncached(edits: list[tuple[str, str | None]]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "project"
        cache_dir = Path(scratch) / "cache"
        _initial(root)
        _same_with_and_without_cache(root, cache_dir)
        for where, variant in edits:
            if where == "config":
                _write_config(root, str(variant))
            elif where == "toggle":
                relative, text = TOGGLES[str(variant)]
                _set(root, relative, None if (root / relative).exists() else text)
            else:
                table = {"app/a.py": A_VARIANTS, "app/b.py": B_VARIANTS, "app/helpers.py": HELPER_VARIANTS, "app/settings.py": SETTINGS_VARIANTS, "app/patcher.py": PATCHER_VARIANTS, "app/__init__.py": INIT_VARIANTS}[where]
                _set(root, where, table[variant])  # type: ignore[index]
            _same_with_and_without_cache(root, cache_dir)
            warm = _same_with_and_without_cache(root, cache_dir)  # the same tree again: everything from the cache
            assert warm.misses == 0 and warm.written == 0


def _hits_and_misses(root: Path, cache_dir: Path) -> tuple[int, int]:
    cache = _same_with_and_without_cache(root, cache_dir)
    return cache.hits, cache.misses


def test_a_change_invalidates_exactly_the_verdicts_that_read_it(tmp_path: Path) -> None:
    root, cache_dir = tmp_path / "project", tmp_path / "cache"
    _initial(root)
    assert _hits_and_misses(root, cache_dir) == (0, 2)
    assert _hits_and_misses(root, cache_dir) == (2, 0)
    _set(root, "app/helpers.py", HELPER_VARIANTS["wrong"])  # read by a's verdict only
    assert _hits_and_misses(root, cache_dir) == (1, 1)
    _set(root, "app/settings.py", SETTINGS_VARIANTS["legacy-default"])  # read by b's verdict only
    assert _hits_and_misses(root, cache_dir) == (1, 1)
    _set(root, "app/b.py", B_VARIANTS["none"])  # b's own file
    assert _hits_and_misses(root, cache_dir) == (1, 1)
    (root / "README.txt").write_text("unrelated\n", encoding="utf-8")  # read by nobody
    write_files(root, {"app/unrelated.py": "X = 1\n"})
    assert _hits_and_misses(root, cache_dir) == (2, 0)
    _set(root, "app/helpers/__init__.py", "def heartbeat_mode():\n    return True\n")  # shadows helpers.py: a only
    assert _hits_and_misses(root, cache_dir) == (1, 1)
    _set(root, "app/a.py", A_VARIANTS["local-import"])
    assert _hits_and_misses(root, cache_dir) == (1, 1)
    write_files(root, {"json.py": "X = 1\n"})  # now any standard-library import may run project code: every verdict
    assert _hits_and_misses(root, cache_dir) == (0, 2)
    assert _hits_and_misses(root, cache_dir) == (2, 0)
    (root / "json.py").unlink()  # gone again: the outcomes from before it existed still hold
    assert _hits_and_misses(root, cache_dir) == (2, 0)
    _write_config(root, "strict")  # the configuration: every verdict
    assert _hits_and_misses(root, cache_dir) == (0, 2)


def test_value_table_and_code_are_in_the_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Another verifier (code key) misses; an edit to thor-guard's code or the mode value table changes the key."""
    root, cache_dir = tmp_path / "project", tmp_path / "cache"
    _initial(root)
    _same_with_and_without_cache(root, cache_dir)
    monkeypatch.setattr(verdict_cache, "_CODE_KEY", "another verifier")
    assert _hits_and_misses(root, cache_dir) == (0, 2)
    package = tmp_path / "copy" / "thor_guard"
    shutil.copytree(Path(verdict_cache.__file__).resolve().parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    mode = tmp_path / "copy" / "heartbeat" / "mode.py"
    mode.parent.mkdir()
    shutil.copy(Path(verdict_cache.__file__).resolve().parents[1] / "heartbeat" / "mode.py", mode)
    first = verdict_cache.code_key_of(package, mode)
    assert verdict_cache.code_key_of(package, mode) == first
    mode.write_text(mode.read_text(encoding="utf-8") + "\n# another value table\n", encoding="utf-8")
    second = verdict_cache.code_key_of(package, mode)
    assert second != first
    (package / "verifier" / "paths.py").write_text("# edited\n", encoding="utf-8")
    assert verdict_cache.code_key_of(package, mode) != second


@pytest.mark.parametrize("case", sorted(p.name for p in DATA.iterdir() if p.suffix == ".py" or p.is_dir()))
def test_every_verifier_data_case_is_the_same_from_the_cache(tmp_path: Path, case: str) -> None:
    source = DATA / case
    root = tmp_path / "project"
    if source.is_dir():
        shutil.copytree(source, root)
    else:
        root.mkdir()
        shutil.copy(source, root / case)
    entries = []
    for path in sorted(root.rglob("*.py")):
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# expect:"):
                entries.append(f"{module}:{line.split()[2]}")
    (root / "pyproject.toml").write_text(f'[tool.thor-guard]\npreset = "none"\nentry-points = {toml_value(entries)}\n', encoding="utf-8")
    _same_with_and_without_cache(root, tmp_path / "cache")
    warm = _same_with_and_without_cache(root, tmp_path / "cache")
    assert warm.misses == 0


@pytest.mark.parametrize(
    "damage",
    [b"", b"TGVC", b"TGVC" + b"\0" * 16 + b"garbage", b"\x80\x04not a cache entry", None],
    ids=["empty", "magic-only", "bad-checksum", "foreign", "truncated"],
)
def test_a_damaged_entry_is_a_miss_never_a_crash(tmp_path: Path, damage: bytes | None) -> None:
    root, cache_dir = tmp_path / "project", tmp_path / "cache"
    _initial(root)
    _same_with_and_without_cache(root, cache_dir)
    for entry in cache_dir.glob("*.entry"):
        entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2] if damage is None else damage)
    again = _same_with_and_without_cache(root, cache_dir)
    assert again.misses == 2 and again.hits == 0
    assert _hits_and_misses(root, cache_dir) == (2, 0)  # and the damaged entries were replaced


def test_encode_decode_round_trip_and_checksum() -> None:
    entry = Entry(("a", "B.c"), None)
    assert decode(encode(entry) or b"") == entry
    data = bytearray(encode(entry) or b"")
    data[-1] ^= 1
    assert decode(bytes(data)) is None


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "project"
    _initial(root)
    cache = VerdictCache.for_project(root, enabled=False)
    run_check([root], load_config([root]), cache=cache)
    assert not (root / verdict_cache.CACHE_DIR_NAME).exists()


def test_eviction_drops_the_least_recently_used(tmp_path: Path) -> None:
    cache = VerdictCache(tmp_path / "cache")
    for number in range(10):
        cache.store(f"k{number}", Entry((f"f{number}",), None))
        os.utime(tmp_path / "cache" / f"k{number}.entry", ns=(number * 10**9, number * 10**9))
    assert cache.load("k0") is not None  # a hit refreshes k0: it is now the newest
    assert cache.evict(max_entries=4) == 6
    assert sorted(p.stem for p in (tmp_path / "cache").glob("*.entry")) == ["k0", "k7", "k8", "k9"]
    size = (tmp_path / "cache" / "k9.entry").stat().st_size
    assert cache.evict(max_bytes=2 * size) == 2
    assert len(list((tmp_path / "cache").glob("*.entry"))) == 2


def test_shares_the_audit_cache_directory_and_markers(tmp_path: Path) -> None:
    from thor_guard.audit import cache as audit_cache

    assert verdict_cache.CACHE_DIR_NAME == audit_cache.CACHE_DIR_NAME
    root = tmp_path / "project"
    _initial(root)
    run_check([root], load_config([root]), cache=VerdictCache.for_project(root))
    shared = root / audit_cache.CACHE_DIR_NAME
    assert (shared / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55\n")
    assert (shared / ".gitignore").read_text(encoding="utf-8").endswith("\n*\n")
    assert list((shared / verdict_cache.SUBDIR).glob("*.entry"))


def test_concurrent_runs_leave_a_consistent_cache(tmp_path: Path) -> None:
    """Several real processes fill the same cache at once (with edits in between): no torn entry, same output."""
    import subprocess
    import sys

    root = tmp_path / "project"
    _initial(root)
    script = Path(sys.executable).parent / "thor-guard"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "thor_guard"]
    expected: list[str] = []
    for variant in ("helper", "none"):
        _set(root, "app/a.py", A_VARIANTS[variant])
        processes = [subprocess.Popen([*command, "check", "--format", "json"], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
        outputs = {process.communicate(timeout=120)[0] for process in processes}
        reference = subprocess.run([*command, "check", "--format", "json", "--no-cache"], cwd=root, capture_output=True, text=True, timeout=120, check=False).stdout
        assert outputs == {reference}
        expected.append(reference)
    entries = list((root / verdict_cache.CACHE_DIR_NAME / verdict_cache.SUBDIR).glob("*.entry"))
    assert entries and all(decode(entry.read_bytes()) is not None for entry in entries)
    assert not list((root / verdict_cache.CACHE_DIR_NAME / verdict_cache.SUBDIR).glob("*.tmp"))
    warm = subprocess.run([*command, "check", "--format", "json"], cwd=root, capture_output=True, text=True, timeout=120, check=False)
    assert warm.stdout == expected[-1]


def test_a_module_read_through_a_shared_helper_invalidates_every_file_that_uses_it(tmp_path: Path) -> None:
    """Two entry-point files use one helper whose default lives in a third module: editing it re-verifies both."""
    root, cache_dir = tmp_path / "project", tmp_path / "cache"
    root.mkdir()
    entry = "import threading\n\nfrom app.helpers import heartbeat_mode\n\n\ndef start():\n    if heartbeat_mode():\n        return\n    threading.Thread(target=print).start()\n"
    helper = "import os\n\nfrom app.settings import DEFAULT\n\n\ndef heartbeat_mode():\n    return os.environ.get('THOR_SCHEDULER_MODE', DEFAULT).lower() == 'heartbeat'\n"
    write_files(root, {"app/a.py": entry, "app/b.py": entry, "app/helpers.py": helper, "app/settings.py": 'DEFAULT = "heartbeat"\n'})
    _write_config(root, "plain")
    assert _hits_and_misses(root, cache_dir) == (0, 2)
    assert _hits_and_misses(root, cache_dir) == (2, 0)
    _set(root, "app/settings.py", 'DEFAULT = "legacy"\n')
    assert _hits_and_misses(root, cache_dir) == (0, 2)
    assert _hits_and_misses(root, cache_dir) == (2, 0)


def test_a_patch_in_a_module_imported_with_the_entry_point_invalidates_its_verdict(tmp_path: Path) -> None:
    # The import walk (import-time patches) reads modules no helper look-up reads: each is a probe of the verdict.
    root = tmp_path / "project"
    _initial(root)
    _set(root, "app/a.py", A_VARIANTS["with-patcher"])
    _set(root, "app/patcher.py", PATCHER_VARIANTS["clean"])
    cache_dir = tmp_path / "cache"
    _same_with_and_without_cache(root, cache_dir)
    for variant in ("patches", "clean", "imports-deep"):
        _set(root, "app/patcher.py", PATCHER_VARIANTS[variant])
        _same_with_and_without_cache(root, cache_dir)
    assert "app/deep.py" not in _outputs(root, VerdictCache(None))[0]
    _set(root, "app/deep.py", TOGGLES["deep"][1])  # a module appearing where an import found nothing before
    _same_with_and_without_cache(root, cache_dir)
    assert "app/deep.py" in _outputs(root, VerdictCache(cache_dir))[0]  # its patch of os.environ, seen through the cache
    cached = _same_with_and_without_cache(root, cache_dir)
    assert cached.hits == 2 and cached.misses == 0  # nothing changed since: both files served from the cache


def test_walk_probes_survive_a_touch_but_not_an_edit_or_a_new_module(tmp_path: Path) -> None:
    from thor_guard.verdict_cache import file_signature, lookups_signature, same_file

    module = tmp_path / "patcher.py"
    module.write_text("X = 1\n", encoding="utf-8")
    signature = file_signature(module)
    os.utime(module, ns=(1, 1))  # touched, same bytes: still the same file (its hash is compared)
    assert same_file(module, signature)
    module.write_text("Y = 2\n", encoding="utf-8")  # same size, other bytes
    assert not same_file(module, signature)
    module.unlink()
    assert not same_file(module, signature)
    assert same_file(module, file_signature(module))  # missing then, missing now

    names, roots = ["pkg.mod", "os"], [tmp_path]
    before = lookups_signature(names, roots)
    (tmp_path / "pkg" / "mod.py").mkdir(parents=True)  # a directory named like the module is not a module
    (tmp_path / "README").write_text("x\n", encoding="utf-8")  # nor is anything no look-up tries
    assert lookups_signature(names, roots) == before
    (tmp_path / "pkg" / "mod").mkdir()
    (tmp_path / "pkg" / "mod" / "__init__.py").write_text("", encoding="utf-8")
    assert lookups_signature(names, roots) != before
    after = lookups_signature(names, roots)
    (tmp_path / "os.py").write_text("environ = {}\n", encoding="utf-8")  # a project module shadowing os
    assert lookups_signature(names, roots) != after


_WORDS = st.sampled_from(["pkg", "mod", "util", "os", "sub", "x"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    files=st.lists(st.lists(_WORDS, min_size=1, max_size=3), max_size=8),
    packages=st.lists(st.lists(_WORDS, min_size=1, max_size=3), max_size=5),
    names=st.lists(st.lists(_WORDS, min_size=1, max_size=3).map(".".join), max_size=12),
    odd=st.lists(st.sampled_from(["", ".x", "pkg..mod", "pkg/mod", "pkg.", "x"]), max_size=3),
    two_roots=st.booleans(),
)
def test_lookups_signature_is_the_hash_of_which_candidate_files_exist(
    tmp_path_factory: pytest.TempPathFactory,
    files: list[list[str]],
    packages: list[list[str]],
    names: list[str],
    odd: list[str],
    two_roots: bool,
) -> None:
    # The memoised listing walk must answer exactly what stat-ing both candidates of every name under every root does
    # (a directory named like a module is not a module), whatever the order names are asked in and however the
    # run's listings were shared.
    from thor_guard.targets import module_file_candidates
    from thor_guard.verdict_cache import digest, lookups_signature

    base = tmp_path_factory.mktemp("lookups")
    roots = [base / "a", base / "a" / "pkg"] if two_roots else [base / "a"]
    for parts in files:
        target = roots[0].joinpath(*parts).with_suffix(".py")
        if not target.parent.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("", encoding="utf-8")
    for parts in packages:
        directory = roots[0].joinpath(*parts)
        if not any(p.is_file() for p in [directory, *directory.parents]):
            directory.mkdir(parents=True, exist_ok=True)
            (directory / "__init__.py").touch()
    roots[0].mkdir(parents=True, exist_ok=True)
    expected = bytearray()
    missing_top = False
    for name in names:
        start = len(expected)
        for root in roots:
            expected += bytes(1 if candidate.is_file() else 0 for candidate in module_file_candidates(name, root))
        if "." not in name and not any(expected[start:]):
            expected.append(3)  # a top-level name found nowhere, with no template beside where it would be
            missing_top = True
    if missing_top:  # then every .gitignore that may mark such a name as the project's counts by its text
        from thor_guard.verdict_cache import _gitignore_directories, _gitignore_lines

        for root in roots:
            for directory in _gitignore_directories(os.path.abspath(str(root))):
                expected += b"\0" + "\n".join(_gitignore_lines(directory, {})).encode("utf-8", "surrogatepass")
    shared: dict[str, frozenset[str] | None] = {}
    assert lookups_signature(names, roots) == digest(bytes(expected))
    mixed = [*odd, *reversed(names)]  # names no import makes take the path-joining route; answers stay per name
    assert lookups_signature(mixed, roots, shared) == lookups_signature(mixed, roots)
    assert lookups_signature(names, roots, shared) == digest(bytes(expected))  # listings shared with another probe


@pytest.mark.parametrize("evidence", ["local_settings.py.example", "local_settings_sample.py", ".gitignore", "../.gitignore"])
def test_a_template_or_gitignore_line_marking_a_missing_module_as_the_projects_invalidates_the_verdict(
    tmp_path: Path, evidence: str
) -> None:
    # A top-level import found nowhere is an optional library (assumption 7) until the checkout marks it as the
    # project's own (R7-8): then it is TG009. A warm run must see the mark appear and go, as an uncached run does.
    root = tmp_path / "project"
    write_files(root, {
        "pyproject.toml": '[tool.thor-guard]\npreset = "none"\nentry-points = ["boot:start"]\n',
        "boot.py": (
            "import os\nimport threading\n\ntry:\n    import local_settings  # noqa: F401\nexcept ImportError:\n    pass\n\n\n"
            "def start():\n    mode = os.environ.get(\"THOR_SCHEDULER_MODE\", \"heartbeat\").lower()\n"
            "    if mode == \"heartbeat\":\n        return\n    threading.Thread(target=print).start()\n"
        ),
    })
    cache_dir = tmp_path / "cache"
    assert "TG009" not in _outputs(root, VerdictCache(None))[0]
    _same_with_and_without_cache(root, cache_dir)
    marker = root / evidence
    marker.write_text("local_settings.py\n" if marker.name == ".gitignore" else "", encoding="utf-8")
    assert "local_settings" in _outputs(root, VerdictCache(None))[0]  # now TG009 naming the import
    cached = _same_with_and_without_cache(root, cache_dir)
    assert cached.misses == 1
    marker.unlink()
    _same_with_and_without_cache(root, cache_dir)
    assert "TG009" not in _outputs(root, VerdictCache(cache_dir))[0]


def test_import_time_writes_locations_and_package_inits_invalidate_the_verdicts_that_read_them(tmp_path: Path) -> None:
    # Each edit below changes a fresh run's answer for app.a through a file only the import walk, a module
    # look-up or a package census reads (never an entry-point file): the cached answer must follow each one.
    root, cache_dir = tmp_path / "project", tmp_path / "cache"
    _initial(root)
    _set(root, "app/a.py", A_VARIANTS["with-patcher"])
    _set(root, "app/patcher.py", PATCHER_VARIANTS["clean"])
    _same_with_and_without_cache(root, cache_dir)
    seen: set[str] = set()
    steps: list[tuple[str, str | None]] = [
        *(("app/patcher.py", PATCHER_VARIANTS[v]) for v in ("env-mode", "env-other", "env-unknown", "env-in-function", "sys-path", "clean")),
        *(("app/__init__.py", INIT_VARIANTS[v]) for v in ("env-mode", "env-other", "extend-path", "empty")),
        ("app/a.py", A_VARIANTS["helper"]),
        TOGGLES["extension"],
        (TOGGLES["extension"][0], None),
        TOGGLES["alt-helpers"],
        ("config", "two-roots"),
        (TOGGLES["alt-helpers"][0], None),
        ("config", "plain"),
    ]
    for relative, text in steps:
        if relative == "config":
            _write_config(root, str(text))
        else:
            _set(root, relative, text)
        _same_with_and_without_cache(root, cache_dir)
        seen.add(_outputs(root, VerdictCache(None))[0])
        warm = _same_with_and_without_cache(root, cache_dir)
        assert warm.misses == 0
    assert len(seen) >= 5  # the edits really changed the answer (TG009 for each kind, and back)


def test_a_copy_that_keeps_size_and_mtime_is_still_an_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Hostile review 5 (R5-6): `cp -p`, `tar x`, `touch -d` restore size and mtime over other bytes. The stat shortcut
    # must need ctime and inode too (which those tools cannot restore), and a file changed within RACY_NS is re-hashed.
    from thor_guard import verdict_cache
    from thor_guard.verdict_cache import file_signature, same_file

    module = tmp_path / "util.py"
    module.write_text("# padding padding\n", encoding="utf-8")
    monkeypatch.setattr(verdict_cache, "RACY_NS", 10**18)  # "just written", however slow this machine is today
    fresh = file_signature(module)
    assert fresh.startswith("::::")  # no stat shortcut: always re-hashed
    module.write_text("import os  # same size\n"[: len("# padding padding\n") - 1] + "\n", encoding="utf-8")
    assert not same_file(module, fresh)

    monkeypatch.setattr(verdict_cache, "RACY_NS", 0)
    signature = file_signature(module)
    size, mtime, ctime, inode, content = signature.split(":")
    assert (size, mtime, ctime, inode) == (str(module.stat().st_size), str(module.stat().st_mtime_ns), str(module.stat().st_ctime_ns), str(module.stat().st_ino))
    assert same_file(module, signature)
    # Same size and mtime, another ctime (what a copy with preserved times leaves) and other bytes: re-hashed, changed.
    forged = ":".join((size, mtime, str(int(ctime) - 1), inode, content))
    module.write_text("x" * (int(size) - 1) + "\n", encoding="utf-8")
    os.utime(module, ns=(int(mtime), int(mtime)))
    assert not same_file(module, forged)
