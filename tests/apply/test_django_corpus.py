"""apply on a large real corpus nobody here wrote: a copy of the installed Django package.

Wildcard entry points select a few hundred real functions. Every output must
parse; the only differences from the original are the inserted guards (and
the imports/logger they need) in exactly the functions reported as fixed; and
a second run changes nothing. ``-j 2`` exercises the process pool.
"""

from __future__ import annotations

import ast
import difflib
import re
import shutil
import time
from pathlib import Path

import django
import pytest

from tests.apply.invariants import same_program_apart_from_guards
from thor_guard.apply import run_apply
from thor_guard.config import load_config

PATTERNS = ("django.*:*.start*", "django.*:*.close*", "django.*:*.handle*", "django.*:*.process_*")
_ADDED = re.compile(
    r"^\s*$|^import (os|logging)$|^(logger|_logger|thor_guard_logger) = \w+\.getLogger\(__name__\)$"
    r"|^\s+(scheduler_mode|_scheduler_mode|thor_scheduler_mode) = (\w+\.)*\w+(\.get)?\(\"THOR_SCHEDULER_MODE\", \"heartbeat\"\)\.lower\(\)$"
    r"|^\s+if (scheduler_mode|_scheduler_mode|thor_scheduler_mode) == \"heartbeat\":$"
    r"|^\s+\w+\.debug\(\"Skipping legacy [\w.<>]+ \(heartbeat scheduler mode active\)\"\)$"
    r"|^\s+return( False| None)?$"
)


def _guarded_functions(tree: ast.Module) -> set[str]:
    """Qualnames of functions whose body holds an inserted ``if scheduler_mode == ...`` guard."""
    found: set[str] = set()

    def walk(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                qualname = prefix + node.name
                if any(isinstance(s, ast.If) and isinstance(s.test, ast.Compare) and isinstance(s.test.left, ast.Name)
                       and s.test.left.id.endswith("scheduler_mode") for s in node.body):
                    found.add(qualname)
                walk(node.body, qualname + ".<locals>.")
            elif isinstance(node, ast.ClassDef):
                walk(node.body, prefix + node.name + ".")
            else:
                for field in ("body", "orelse", "finalbody"):
                    walk(getattr(node, field, []), prefix)
                for handler in getattr(node, "handlers", []):
                    walk(handler.body, prefix)

    walk(tree.body, "")
    return found


def _only_insertions(before: bytes, after: bytes) -> list[str]:
    """Lines removed, or added lines that are not guard/import/logger/blank lines (one-line defs aside)."""
    old = before.decode().splitlines()
    new = after.decode().splitlines()
    problems = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        removed = old[i1:i2]
        if any(not re.match(r"^\s*(async )?def .*\):\s*\S", line) for line in removed):
            problems.append(f"removed {removed!r}")
        problems.extend(f"added {line!r}" for line in new[j1:j2] if not _ADDED.match(line) and not re.match(r"^\s*(async )?def ", line))
    return problems


@pytest.mark.slow
def test_django_corpus(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(Path(django.__file__).resolve().parent, root / "django", ignore=shutil.ignore_patterns("__pycache__"))
    entries = ", ".join(f'"{p}"' for p in PATTERNS)
    (root / "pyproject.toml").write_text(f'[tool.thor-guard]\npreset = "none"\nexclude = []\nentry-points = [{entries}]\n')
    originals = {p: p.read_bytes() for p in root.rglob("*.py")}

    config = load_config([root])
    started = time.perf_counter()
    report = run_apply(config, [root], jobs=2)
    first_run = time.perf_counter() - started
    assert report.errors == ()

    fixed = {f.entry_point for f in report.fixed}
    person = {f.entry_point for f in report.needs_person}
    assert len(fixed) + len(person) >= 200, "the patterns select a few hundred real functions"
    assert len(fixed) >= 100 and len(report.written) >= 50
    assert {code for f in report.fixed for code in f.codes} == {"TG001"}, "Django has no scheduler guards to repair"

    changed = [p for p, data in originals.items() if p.read_bytes() != data]
    assert sorted(changed) == sorted(p.resolve() for p in report.written)
    for path in changed:
        before, after = originals[path], path.read_bytes()
        tree = ast.parse(after)
        compile(tree, str(path), "exec")
        assert same_program_apart_from_guards(before, after), path
        assert _only_insertions(before, after) == [], path
        module = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        expected = {e.split(":", 1)[1] for e in fixed if e.split(":", 1)[0] == module}
        assert _guarded_functions(tree) == expected, path
    unchanged_person_files = {f.path for f in report.needs_person} - set(report.written)
    for path in unchanged_person_files:
        assert path.read_bytes() == originals[path.resolve()]

    # The codemod is deterministic, so files the first run left alone would be left alone again;
    # the second run re-reads the files it wrote (the idempotence that matters) to stay fast.
    started = time.perf_counter()
    again = run_apply(config, list(report.written), jobs=2, write=False)
    second_run = time.perf_counter() - started
    assert again.changed_files == () and again.fixed == ()
    print(
        f"\ndjango corpus: {len(originals)} files, {report.parsed_files} parsed, {len(report.written)} written, "
        f"{len(fixed)} functions fixed, {len(person)} need a person; first run {first_run:.1f}s, second run {second_run:.1f}s"
    )
