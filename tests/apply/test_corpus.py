"""The invariant of issue 12 on real code nobody here wrote: copies of the installed Django, click and Jinja2.

Wildcard entry points select a few hundred real functions. After ``apply``:

(a) every module that imported before still imports, in legacy and in heartbeat mode (each in a
    subprocess, see ``import_all.py``);
(b) ``check`` reports nothing for any function ``apply`` says it fixed;
(c) every changed file equals the original once the inserted guards, imports and logger are removed
    (ast), and only such lines were added;
(d) a second ``apply`` changes nothing;
(e) libcst's own runner driving the same command writes the same bytes.

The normal run targets a slice of Django plus all of click and Jinja2 and keeps to about a minute on a
shared 2-core machine. ``THOR_GUARD_CORPUS=full`` widens it to all of Django (and checks (e) on every
parsed file): ``THOR_GUARD_CORPUS=full python -m pytest tests/apply/test_corpus.py -s`` (several minutes).
"""

from __future__ import annotations

import ast
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import click
import django
import jinja2
import pytest

from tests.apply.invariants import same_program_apart_from_guards
from thor_guard.apply import run_apply
from thor_guard.check import run_check
from thor_guard.config import load_config

FULL = os.environ.get("THOR_GUARD_CORPUS") == "full"
PACKAGES = {"django": django, "click": click, "jinja2": jinja2}
DJANGO = ("django",) if FULL else ("django.core", "django.template")
"""The Django packages targeted (and imported before and after): all of it in the full run."""
PATTERNS = (
    *(f"{m}.*:{q}" for m in DJANGO for q in ("*.start*", "*.close*", "*.handle*", "*.process_*")),
    "click.*:*.invoke", "click.*:*.main", "click.*:*.get_*", "click.*:echo*", "click.*:*.close",
    "jinja2.*:*.parse_*", "jinja2.*:*.get_*", "jinja2.*:*.render*", *(("jinja2.*:*.visit_*",) if FULL else ()),
)
IMPORT_ALL = Path(__file__).with_name("import_all.py")
_NAMES = r"(scheduler_mode|_scheduler_mode|thor_scheduler_mode)"
_ADDED = re.compile(
    r"^\s*$|^import (os|logging)( as \w+)?$|^(logger|_logger|thor_guard_logger) = \w+\.getLogger\(__name__\)$"
    rf"|^\s+{_NAMES} = (\w+\.)*\w+(\.get)?\((\"THOR_SCHEDULER_MODE\", \"heartbeat\"\)\.lower\(\))?$"
    r"|^\s+\"THOR_SCHEDULER_MODE\", \"heartbeat\"$|^\s+\)\.lower\(\)$|^\s+\)$"
    rf"|^\s+if {_NAMES} == \"heartbeat\":$"
    r"|^\s+if (\w+\.)*\w+(\.get)?\(\"THOR_SCHEDULER_MODE\", \"heartbeat\"\)\.lower\(\) == \"heartbeat\":$"
    r"|^\s+if \($|^\s+(\w+\.)*\w+(\.get)?\(\"THOR_SCHEDULER_MODE\", \"heartbeat\"\)\.lower\(\)$|^\s+== \"heartbeat\"$|^\s+\):$"
    r"|^\s+(\w+\.)*\w+(\(__name__\))?\.debug\((\"Skipping legacy [\w.<>]+ \(heartbeat scheduler mode active\)\"\))?$"
    r"|^\s+(yield|return( False| None)?)$"
)


def _guarded_functions(tree: ast.Module) -> set[str]:
    """Qualnames of functions whose body holds an inserted guard (its branch logs "Skipping legacy ...")."""
    found: set[str] = set()

    def inserted(statement: ast.stmt) -> bool:
        return isinstance(statement, ast.If) and "Skipping legacy" in ast.unparse(statement.body[0])

    def walk(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                qualname = prefix + node.name
                if any(inserted(s) for s in node.body):
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


_MESSAGE_WORDS = re.compile(r"(Skipping|legacy|\(heartbeat|scheduler|mode|active\)|[\w.<>]+)")


def _message_part(line: str) -> bool:
    """A line that is one piece of a wrapped "Skipping legacy X (heartbeat scheduler mode active)" message."""
    match = re.fullmatch(r'\s+"([^"]+)"', line)
    return bool(match) and all(_MESSAGE_WORDS.fullmatch(word) for word in match.group(1).split())


def _only_insertions(before: bytes, after: bytes) -> list[str]:
    """Lines removed, or added lines that are not guard/import/logger/blank lines (one-line defs and docstring lines aside)."""
    old = before.decode().splitlines()
    new = after.decode().splitlines()
    problems = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        removed = old[i1:i2]
        if any(not re.match(r"^\s*(async )?def .*\):\s*\S|^\s*(\"\"\"|''').*(\"\"\"|''');", line) for line in removed):
            problems.append(f"removed {removed!r}")
        problems.extend(f"added {line!r}" for line in new[j1:j2] if not _ADDED.match(line) and not _message_part(line) and not re.match(r"^\s*(async )?def ", line))
    return problems


def _imports(root: Path, packages: list[str], mode: str | None) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "THOR_SCHEDULER_MODE"}
    if mode is not None:
        env["THOR_SCHEDULER_MODE"] = mode
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.Popen([sys.executable, str(IMPORT_ALL), str(root), *packages], stdout=subprocess.PIPE, text=True, env=env, cwd=root)


def _outcomes(process: subprocess.Popen[str]) -> dict[str, str]:
    out, _ = process.communicate(timeout=600)
    assert process.returncode == 0
    return json.loads(out)


def _copy(destination: Path) -> Path:
    for name, package in PACKAGES.items():
        shutil.copytree(Path(package.__file__).resolve().parent, destination / name, ignore=shutil.ignore_patterns("__pycache__", "gis"))
    return destination


@pytest.mark.slow
def test_corpus_invariants(tmp_path: Path) -> None:
    before_root = _copy(tmp_path / "before")
    root = _copy(tmp_path / "corpus")
    entries = ", ".join(f'"{p}"' for p in PATTERNS)
    (root / "pyproject.toml").write_text(f'[tool.thor-guard]\npreset = "none"\nexclude = []\nentry-points = [{entries}]\n')
    originals = {p: p.read_bytes() for p in root.rglob("*.py")}
    packages = [*DJANGO, "click", "jinja2"]
    baseline = _imports(before_root, packages, None)  # runs while apply works
    processes = [baseline]
    try:
        _check_corpus(tmp_path, root, originals, packages, baseline, processes)
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()


def _check_corpus(
    tmp_path: Path, root: Path, originals: dict[Path, bytes], packages: list[str],
    baseline: subprocess.Popen[str], processes: list[subprocess.Popen[str]],
) -> None:
    clock = {"start": time.perf_counter()}

    def lap(name: str) -> None:
        clock[name] = time.perf_counter()

    config = load_config([root])
    report = run_apply(config, [root], jobs=2)
    assert report.errors == ()
    lap("apply")
    after = {mode: _imports(root, packages, mode) for mode in ("legacy", "heartbeat")}
    processes.extend(after.values())

    fixed = {f.entry_point for f in report.fixed}
    person = {f.entry_point for f in report.needs_person}
    # Functions without side effects need no guard and are not reported (item 9), so these count less than are selected.
    assert len(fixed) + len(person) >= (250 if FULL else 150), "the patterns select a few hundred real functions"
    # How many are fixed depends on the installed versions and the verifier's precision (130 seen on the
    # normal slice with verifier v2 at dcc8126, 109 at its final state, 111 functions in 26 files after issue 11's
    # third round: classes whose project base is unprovable are now TG009); the invariants below are the point.
    # Since review RA-6, a function with a value contract (`-> str`, `-> nodes.Expr`: Jinja2's parse_*, click's
    # get_*; or every return giving a value) is left for a person instead of getting a bare `return` that hands
    # its callers None: 38 fixed in 21 files and 98 such refusals on the normal slice (Django 5.2, click 8.1,
    # Jinja2 3.1). The full run's bound is not re-measured since that change.
    # Written files depend on the installed click too: 42 fixed in 18 files with click 8.1.8, in more with 8.5.
    assert len(fixed) >= (60 if FULL else 35) and len(report.written) >= 15
    value_contracts = [f for f in report.needs_person if "the function returns a value" in f.detail]
    assert len(value_contracts) >= (60 if FULL else 60), "the value-contract rule is exercised on real code"
    assert {p.parts[len(root.parts)] for p in report.written} == set(PACKAGES), "every package gets fixes"

    # (c) the ast is the original's apart from the guards; only guard lines were added; exactly the fixed functions guarded
    changed = [p for p, data in originals.items() if p.read_bytes() != data]
    assert sorted(changed) == sorted(p.resolve() for p in report.written)
    for path in changed:
        before, after_bytes = originals[path], path.read_bytes()
        tree = ast.parse(after_bytes)
        assert same_program_apart_from_guards(before, after_bytes), path
        assert _only_insertions(before, after_bytes) == [], path
        module = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        expected = {e.split(":", 1)[1] for e in fixed if e.split(":", 1)[0] == module}
        assert _guarded_functions(tree) == expected, path
    for path in {f.path for f in report.needs_person} - set(report.written):
        assert path.read_bytes() == originals[path.resolve()]

    # (d) a second run changes nothing and has nothing to say about the functions it fixed
    again = run_apply(config, list(report.written), jobs=2, write=False)
    assert again.changed_files == () and again.fixed == ()
    lap("second apply")

    # (a) every module that imported before still imports, in both worlds
    before_outcomes = _outcomes(baseline)
    imported = {m for m, outcome in before_outcomes.items() if outcome == "ok"}
    assert len(imported) >= (700 if FULL else 150)
    for mode, process in after.items():
        outcomes = _outcomes(process)
        broken = {m: outcomes.get(m) for m in imported if outcomes.get(m) != "ok"}
        assert broken == {}, f"{mode}: modules that no longer import"
    lap("imports")

    # (e) libcst's runner on the parsed files: the same bytes
    theirs = _copy(tmp_path / "libcst")
    shutil.copyfile(root / "pyproject.toml", theirs / "pyproject.toml")
    parsed = sorted(r.path.resolve().relative_to(root) for r in report.files)
    if not FULL:
        parsed = [p for p in parsed if p.parts[0] == "click"]  # libcst's runner is slow: a sample in the normal run
    done = subprocess.run(
        [sys.executable, "-m", "libcst.tool", "codemod", "--no-format", "-x", "codemods.scheduler_guard.SchedulerGuardCommand",
         "-j", "2", "--hide-progress", *map(str, parsed)],
        cwd=theirs, capture_output=True, text=True, check=False, env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    differing = [str(p) for p in parsed if (theirs / p).read_bytes() != (root / p).read_bytes()]
    assert differing == []
    lap("libcst runner")

    # (b) check is clean for every function apply fixed (the second run above asked the same verifier on the
    # same skeleton; the full run also runs check itself)
    assert [(f.entry_point, f.detail) for f in again.needs_person if f.entry_point in fixed] == []
    if FULL:
        checked = run_check(list(report.written), config)
        assert [(f.entry_point, f.code, f.message) for f in checked.findings if f.entry_point in fixed] == []
        assert checked.errors == []
        lap("check")
    names = list(clock)
    phases = ", ".join(f"{b} {clock[b] - clock[a]:.1f}s" for a, b in zip(names, names[1:]))
    print(
        f"\ncorpus: {len(originals)} files, {report.parsed_files} parsed, {len(report.written)} written, "
        f"{len(fixed)} functions fixed, {len(person)} need a person; {phases}; "
        f"{len(imported)} modules import before and after in both modes; {len(parsed)} files identical under libcst's runner"
    )
