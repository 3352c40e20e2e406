"""The generated trees are deterministic by seed, exact in size, valid Python, and their manifests name real functions."""

from __future__ import annotations

import ast
import fnmatch
from pathlib import Path

import pytest

from benchmarks.gen_tree import generate, iter_files
from benchmarks.trees import manifest_files, module_of

FILES = 150


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", FILES, seed=3)
    second = generate(tmp_path / "b", FILES, seed=3)
    assert first == second
    assert _snapshot(tmp_path / "a") == _snapshot(tmp_path / "b")


def test_other_seed_other_tree(tmp_path: Path) -> None:
    generate(tmp_path / "a", FILES, seed=3)
    generate(tmp_path / "b", FILES, seed=4)
    assert _snapshot(tmp_path / "a") != _snapshot(tmp_path / "b")


def test_exact_size_and_valid_python(tmp_path: Path) -> None:
    spec = generate(tmp_path, FILES, seed=5)
    files = list(iter_files(tmp_path))
    assert len(files) == FILES == spec.files
    for path in files:
        ast.parse(path.read_bytes(), filename=str(path))


def _functions(tree: ast.Module) -> set[str]:
    out: set[str] = set()

    def walk(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                out.add(prefix + child.name)
            elif isinstance(child, ast.ClassDef):
                walk(child, prefix + child.name + ".")

    walk(tree, "")
    return out


def test_manifest_names_real_functions_and_mixes_guarded_and_unguarded(tmp_path: Path) -> None:
    spec = generate(tmp_path, 1000, seed=7)
    assert len(spec.entry_points) == 8
    assert 0 < spec.guarded_entry_points < 8
    assert spec.service_functions >= 200, "apply needs hundreds of targets"
    for entry in spec.entry_points:
        module, qualname = entry.split(":")
        [relative] = manifest_files(tmp_path, [entry])
        assert module_of(Path(relative)) == module
        functions = _functions(ast.parse((tmp_path / relative).read_bytes()))
        assert any(fnmatch.fnmatchcase(name, qualname) for name in functions), entry
    assert '"genproj.*:*Service.start"' in (tmp_path / "thor-guard-apply.toml").read_text()


def test_too_small_tree_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least"):
        generate(tmp_path, 10)
