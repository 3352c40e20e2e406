"""Prove a speed change kept every verdict: ``check --no-cache --format json`` before and after, byte for byte.

    python3 -m benchmarks.verdicts prepare /tmp/verdicts/corpus            # build the corpus once
    python3 -m benchmarks.verdicts dump /tmp/verdicts/corpus /tmp/verdicts/before --code /path/to/old/checkout
    python3 -m benchmarks.verdicts dump /tmp/verdicts/corpus /tmp/verdicts/after  --code .
    python3 -m benchmarks.verdicts compare /tmp/verdicts/before /tmp/verdicts/after

The corpus: the benchmark trees (``legacy_thor``, ``django``, ``gen-1k``,
``gen-5k``, built as the harness builds them), every verifier data case of
``tests/data/check`` (one project each, its ``# expect:`` entry points as the
manifest, preset ``none``), and any extra case directories given with
``--extra`` (for example the hostile-review cases, each a directory with a
``pyproject.toml`` or an ``m.py`` checked as ``m:start``). ``dump`` runs
``thor-guard check --no-cache --format json .`` in every project, in a fresh
interpreter that imports thor-guard from ``--code`` (so two checkouts can
be compared with one virtualenv), and stores exit code, stdout and stderr per
project. ``compare`` lists every project whose stored output differs (exit
code 1 if any does).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "check"
TREES = ("legacy_thor", "django", "gen-1k", "gen-5k")
_DRIVER = (
    "import os, sys; sys.path.insert(0, os.environ['THOR_GUARD_CODE']); "
    # an editable install's finder would win over sys.path: drop it so the checkout named by --code is imported
    "sys.meta_path[:] = [f for f in sys.meta_path if '__editable__' not in getattr(f, '__module__', '')]; "
    "{body}"
)


def _expect_entries(root: Path) -> list[str]:
    entries = []
    for path in sorted(root.rglob("*.py")):
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# expect:"):
                entries.append(f"{module}:{line[len('# expect:'):].split()[0]}")
    return entries


def _write_manifest(root: Path, entries: list[str]) -> None:
    quoted = ", ".join('"' + entry + '"' for entry in entries)
    (root / "pyproject.toml").write_text(f'[tool.thor-guard]\npreset = "none"\nentry-points = [{quoted}]\n', encoding="utf-8")


def prepare(corpus: Path, extra: list[Path], trees: tuple[str, ...]) -> None:
    """Build the corpus under ``corpus`` (replacing it): one directory per project."""
    from benchmarks.trees import build_tree

    if corpus.exists():
        shutil.rmtree(corpus)
    corpus.mkdir(parents=True)
    for name in trees:
        built = build_tree(name, corpus / "trees", seed=7)
        built.root.rename(corpus / f"tree-{name}")
    shutil.rmtree(corpus / "trees", ignore_errors=True)
    for case in sorted(DATA.iterdir()):
        if not (case.suffix == ".py" or case.is_dir()):
            continue
        root = corpus / f"data-{case.stem}"
        if case.is_dir():
            shutil.copytree(case, root)
        else:
            root.mkdir()
            shutil.copy(case, root / case.name)
        _write_manifest(root, _expect_entries(root))
    for base in extra:
        for case in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")):
            if not ((case / "pyproject.toml").is_file() or (case / "m.py").is_file()):
                continue
            root = corpus / f"extra-{base.name}-{case.name}"
            shutil.copytree(case, root, ignore=shutil.ignore_patterns("SENT", "BODY", ".thor_guard_cache", "__pycache__"))
            if not (root / "pyproject.toml").is_file():
                _write_manifest(root, ["m:start"])


def _run_one(project: Path, out: Path, code: Path, python: str) -> None:
    env = dict(os.environ, THOR_GUARD_CODE=str(code), NO_COLOR="1")
    done = subprocess.run(
        [python, "-c", _DRIVER.format(body="from thor_guard.cli import main; sys.exit(main(sys.argv[1:]))"), "check", "--no-cache", "--format", "json", "."],
        cwd=project, env=env, capture_output=True, timeout=900, check=False,
    )
    record = b"exit %d\n--- stdout\n%s\n--- stderr\n%s" % (done.returncode, done.stdout, done.stderr)
    (out / f"{project.name}.txt").write_bytes(record)


def dump(corpus: Path, out: Path, code: Path, jobs: int, python: str) -> None:
    """Run check in every project of ``corpus`` with the code at ``code``; one record file per project in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    probe = subprocess.run(
        [python, "-c", _DRIVER.format(body="import thor_guard, heartbeat; print(thor_guard.__file__)")],
        env=dict(os.environ, THOR_GUARD_CODE=str(code)), capture_output=True, text=True, check=True,
    ).stdout.strip()
    if not Path(probe).resolve().is_relative_to(code.resolve()):
        raise SystemExit(f"error: --code {code} is not what the interpreter imports ({probe})")
    projects = sorted(p for p in corpus.iterdir() if p.is_dir())
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(lambda p: _run_one(p, out, code, python), projects))
    print(f"{len(projects)} projects checked with {probe}", file=sys.stderr)


def compare(before: Path, after: Path) -> int:
    """Print every project whose record differs (or exists on one side only); 1 if any does, else 0."""
    names = sorted({p.name for p in before.glob("*.txt")} | {p.name for p in after.glob("*.txt")})
    differing = []
    for name in names:
        left, right = before / name, after / name
        if not left.is_file() or not right.is_file() or left.read_bytes() != right.read_bytes():
            differing.append(name)
    for name in differing:
        print(f"differs: {name}")
    print(f"{len(names) - len(differing)} of {len(names)} identical", file=sys.stderr)
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m benchmarks.verdicts", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("corpus", type=Path)
    p.add_argument("--extra", type=Path, action="append", default=[])
    p.add_argument("--trees", default=",".join(TREES))
    d = sub.add_parser("dump")
    d.add_argument("corpus", type=Path)
    d.add_argument("out", type=Path)
    d.add_argument("--code", type=Path, default=REPO)
    d.add_argument("--jobs", type=int, default=1)
    d.add_argument("--python", default=sys.executable)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "prepare":
        prepare(args.corpus, args.extra, tuple(t for t in args.trees.split(",") if t))
        return 0
    if args.command == "dump":
        dump(args.corpus, args.out, args.code, args.jobs, args.python)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    raise SystemExit(main())
