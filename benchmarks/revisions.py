"""``python3 -m benchmarks.revisions``: one thor-guard command under two revisions, alternately, in CPU seconds.

    python3 -m benchmarks.revisions --base e29af44 --trees django,gen-5k,legacy_thor --runs 3 -- check --no-cache --format json .
    python3 -m benchmarks.revisions --base e29af44 --trees gen-1k --runs 3 --fresh-copy -- apply --config thor-guard-apply.toml -j 1 .

Each revision is exported with ``git archive`` into a temporary directory and
byte-compiled; each run is ``python -c 'from thor_guard.entry import main;
main()'`` with that directory first on ``sys.path``, inside the tree (built as
the harness builds it). Runs alternate base/head so that a machine loaded by
others inflates both alike; the table gives each run's CPU (user + system of
the process, from ``os.wait4``) and peak RSS, and whether the two revisions'
stdout was byte-identical in every run (the verdict-unchanged check). With
``--fresh-copy`` every run gets a new copy of the tree (for ``apply``, which
writes), and the output compared is a hash of the tree's ``.py`` files
afterwards. ``head`` is the working tree unless ``--head`` names a revision.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.trees import TREE_NAMES, build_tree, copy_tree

REPO = Path(__file__).resolve().parents[1]
_PACKAGES = ("thor_guard", "heartbeat", "codemods")


def export(revision: str | None, into: Path) -> Path:
    """The sources of ``revision`` (None: the working tree) under ``into``, byte-compiled."""
    into.mkdir(parents=True)
    if revision is None:
        for package in _PACKAGES:
            shutil.copytree(REPO / package, into / package, ignore=shutil.ignore_patterns("__pycache__"))
    else:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", revision, *_PACKAGES], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    subprocess.run([sys.executable, "-m", "compileall", "-q", *(str(into / p) for p in _PACKAGES)], check=True)
    return into


def run_once(source: Path, tree: Path, argv: list[str]) -> tuple[float, float, bytes]:
    """CPU seconds, peak RSS (MiB) and stdout of one thor-guard run from ``source`` inside ``tree``."""
    code = f"import sys; sys.path.insert(0, {str(source)!r}); sys.argv[0] = 'thor-guard'; from thor_guard.entry import main; main()"
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen([sys.executable, "-c", code, *argv], cwd=tree, stdout=out, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(process.pid, 0)
        out.seek(0)
        output = out.read()
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output


def tree_hash(root: Path) -> bytes:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest().encode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m benchmarks.revisions", description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the older revision (git)")
    parser.add_argument("--head", default=None, help="the newer revision (default: the working tree)")
    parser.add_argument("--trees", default="legacy_thor", help=f"comma-separated subset of {','.join(TREE_NAMES)}")
    parser.add_argument("--runs", type=int, default=3, help="runs per revision and tree (default 3)")
    parser.add_argument("--fresh-copy", action="store_true", help="a fresh copy of the tree per run; compare tree hashes")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="thor-guard arguments after --")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the thor-guard command after --")
    with tempfile.TemporaryDirectory(prefix="tg-revisions-") as scratch:
        work = Path(scratch)
        sources = {"base": export(args.base, work / "base"), "head": export(args.head, work / "head")}
        print(f"| tree | {args.base} CPU s | {args.head or 'working tree'} CPU s | peak RSS MiB base -> head | output identical |")
        print("|---|---|---|---|---|")
        for name in args.trees.split(","):
            tree = build_tree(name, work / "trees")
            cpu: dict[str, list[float]] = {"base": [], "head": []}
            rss: dict[str, list[float]] = {"base": [], "head": []}
            outputs: dict[str, set[bytes]] = {"base": set(), "head": set()}
            for _ in range(args.runs):
                for label in ("base", "head"):
                    root = copy_tree(tree, work / "copy") if args.fresh_copy else tree.root
                    seconds, peak, output = run_once(sources[label], root, command)
                    if args.fresh_copy:
                        output = tree_hash(root)
                    cpu[label].append(seconds)
                    rss[label].append(peak)
                    outputs[label].add(output)
            same = outputs["base"] == outputs["head"] and len(outputs["base"]) == 1
            shown = {label: ", ".join(f"{s:.2f}" for s in cpu[label]) for label in cpu}
            print(f"| {name} | {shown['base']} | {shown['head']} | {max(rss['base']):.0f} -> {max(rss['head']):.0f} | {'yes' if same else 'NO'} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
