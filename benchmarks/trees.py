"""The trees every scenario runs on, built once per invocation in a temporary directory.

- ``django``: a copy of the installed Django package's source (about 900 files
  nobody here wrote) with a ``[tool.thor-guard]`` manifest of eight real
  functions and an apply config whose wildcards target a few hundred;
- ``gen-1k``/``gen-5k``/``gen-20k``: seeded trees from :mod:`benchmarks.gen_tree`;
- ``legacy_thor``: a copy of ``examples/legacy_thor`` (copied so that caches
  and apply runs never touch the repository).

Each tree also gets the peers' configuration beside its ``pyproject.toml``:
``fixit-check.toml``/``fixit-audit.toml`` selecting the rules in
:mod:`benchmarks.peers.fixit_rules`, ``semgrep-check.yaml`` rendered from the
manifest, and an empty ``.semgrepignore`` so semgrep scans the same files as
everyone else (its default ignore list would skip ``django/test/``).
"""

from __future__ import annotations

import fnmatch
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.gen_tree import generate
from benchmarks.peers.manifest import entry_points, thor_guard_table
from benchmarks.peers.semgrep_rules import check_rule

REPO = Path(__file__).resolve().parent.parent
GENERATED_SIZES = {"gen-1k": 1000, "gen-5k": 5000, "gen-20k": 20000}
TREE_NAMES = ("legacy_thor", "django", "gen-1k", "gen-5k", "gen-20k")

DJANGO_ENTRY_POINTS = (
    "django.utils.autoreload:run_with_reloader",
    "django.utils.autoreload:start_django",
    "django.utils.autoreload:*Reloader.run",
    "django.core.management.commands.runserver:Command.inner_run",
    "django.core.servers.basehttp:run",
    "django.db.backends.base.base:BaseDatabaseWrapper.connect",
    "django.core.mail.backends.smtp:EmailBackend.open",
    "django.test.testcases:LiveServerThread.run",
)
DJANGO_APPLY_TARGETS = (
    "django.*:*.start*",
    "django.*:*.run*",
    "django.*:*.setup*",
    "django.*:*.open*",
    "django.*:*.close*",
    "django.*:*.connect*",
    "django.*:*.handle",
    "django.*:*.process_*",
    "django.*:*.clean*",
)
_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".thor_guard_cache", "db.sqlite3", ".ruff_cache")


def _only_python(directory: str, names: list[str]) -> set[str]:
    """copytree filter: the Python source only (Django's locale and static files matter to no tool here)."""
    return {n for n in names if n == "__pycache__" or (not n.endswith(".py") and not Path(directory, n).is_dir())}


@dataclass(frozen=True)
class Tree:
    """A prepared tree: where it is, how big, and what its manifest names."""

    name: str
    root: Path
    files: int
    entry_points: tuple[str, ...]
    manifest_files: tuple[str, ...]
    """Paths (relative to ``root``) of the files holding the manifest's modules."""
    apply_config: Path
    """The config ``apply`` runs with (a wider manifest: hundreds of functions)."""


def _toml_list(items: Sequence[str]) -> str:
    return "[\n" + "".join(f'    "{item}",\n' for item in items) + "]"


def _thor_guard_table(entry_points: Sequence[str]) -> str:
    return (
        "[tool.thor-guard]\n"
        'source-roots = ["."]\n'
        'preset = "none"\n'
        f"entry-points = {_toml_list(entry_points)}\n"
        'exclude = ["**/migrations/**"]\n'
    )


def python_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts and ".thor_guard_cache" not in p.parts)


def module_of(relative: Path) -> str:
    parts = list(relative.with_suffix("").parts)
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def manifest_files(root: Path, entry_points: Sequence[str]) -> tuple[str, ...]:
    """Files (relative, POSIX) whose module an entry's module pattern matches."""
    patterns = [entry.split(":", 1)[0] for entry in entry_points]
    found = []
    for path in python_files(root):
        relative = path.relative_to(root)
        if any(fnmatch.fnmatchcase(module_of(relative), pattern) for pattern in patterns):
            found.append(relative.as_posix())
    return tuple(found)


def _write_peer_configs(root: Path, entry_points: Sequence[str], files: Sequence[str]) -> None:
    for name, rule in (("check", "ManifestEntryPointGuard"), ("audit", "UnguardedSpawn")):
        (root / f"fixit-{name}.toml").write_text(
            "[tool.fixit]\nroot = true\n" 'disable = ["fixit.rules"]\n' f'enable = ["benchmarks.peers.fixit_rules:{rule}"]\n'
        )
    (root / "semgrep-check.yaml").write_text(check_rule(entry_points, files))
    (root / ".semgrepignore").write_text("# empty on purpose: scan every file, like the other tools\n")


def _entry_points_of(pyproject: Path) -> tuple[str, ...]:
    table = thor_guard_table(pyproject)
    return entry_points(table) if table is not None else ()


def build_tree(name: str, workdir: Path, seed: int = 7) -> Tree:
    """Create tree ``name`` under ``workdir/name`` (idempotent within one workdir)."""
    root = workdir / name
    if root.exists():
        shutil.rmtree(root)
    if name == "django":
        import django

        shutil.copytree(Path(django.__file__).resolve().parent, root / "django", ignore=_only_python)
        (root / "pyproject.toml").write_text(_thor_guard_table(DJANGO_ENTRY_POINTS))
        (root / "thor-guard-apply.toml").write_text(_thor_guard_table(DJANGO_APPLY_TARGETS))
        apply_config = root / "thor-guard-apply.toml"
    elif name == "legacy_thor":
        shutil.copytree(REPO / "examples" / "legacy_thor", root, ignore=_IGNORE)
        apply_config = root / "pyproject.toml"
    elif name in GENERATED_SIZES:
        root.mkdir(parents=True)
        generate(root, GENERATED_SIZES[name], seed)
        apply_config = root / "thor-guard-apply.toml"
    else:
        raise ValueError(f"unknown tree {name!r}; choose from {', '.join(TREE_NAMES)}")
    entry_points = _entry_points_of(root / "pyproject.toml")
    files = manifest_files(root, entry_points)
    _write_peer_configs(root, entry_points, files)
    return Tree(name, root, len(python_files(root)), entry_points, files, apply_config)


def copy_tree(tree: Tree, destination: Path) -> Path:
    """A fresh copy of ``tree`` at ``destination`` (for runs that write, like apply)."""
    if destination.exists():
        shutil.rmtree(destination)
    shutil.copytree(tree.root, destination, ignore=_IGNORE)
    return destination
