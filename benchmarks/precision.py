"""``python -m benchmarks.precision``: what ``check`` says about real code under a wide manifest.

Not a timing benchmark: it measures the verifier's *precision* on code nobody
wrote for it. Every tree gets a manifest that matches far more than legacy
starters — every method named like a starter (``start``, ``run``, ``ready``,
``stop``, ``connect``…) and every module-level function — and ``check`` runs
over it in this process (the same :func:`~thor_guard.check.run_check` the CLI
uses). Almost none of those functions has a guard, so the honest answer for
nearly all of them is TG001 (missing guard, which ``apply`` can fix); TG009
(unverifiable) should be left only for code that really uses something
outside the verifier's documented language. The report prints, per tree, the
count per rule code and the TG009 findings grouped into categories (the
message with names, numbers and quoted text blanked), each with an example.

Trees: ``django`` (a copy of the installed Django package), ``gen`` (a seeded
tree from :mod:`benchmarks.gen_tree`, ``--files`` modules) and any directory
given with ``--path`` (copied first; its top-level packages are the manifest's
modules).

    python -m benchmarks.precision                      # django and gen (1000 files)
    python -m benchmarks.precision --trees django --json out.json
    python -m benchmarks.precision --path ~/src/project --all
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

STARTER_NAMES = (
    "start*", "run", "run_*", "ready", "stop", "setup", "open", "close", "connect", "handle",
    "serve*", "main", "execute", "inner_run", "listen", "launch", "spawn*", "schedule*", "worker", "loop",
)
"""Method names (fnmatch) that look like entry points of background work."""
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".thor_guard_cache")


@dataclass
class TreeReport:
    """What ``check`` said about one tree."""

    name: str
    files: int
    entry_points: int
    seconds: float
    codes: Counter = field(default_factory=Counter)
    tg009: Counter = field(default_factory=Counter)
    """Category -> count."""
    examples: dict[str, str] = field(default_factory=dict)
    """Category -> ``path:line`` of one finding and its full message."""
    code_examples: dict[str, str] = field(default_factory=dict)
    """Code -> the first finding of that code (``path:line: message``)."""
    errors: int = 0

    @property
    def clean(self) -> int:
        """Entry points with no finding at all."""
        return self.entry_points - sum(self.codes.values())

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "files": self.files,
            "entry_points": self.entry_points,
            "clean": self.clean,
            "seconds": round(self.seconds, 2),
            "codes": dict(sorted(self.codes.items())),
            "tg009_categories": dict(self.tg009.most_common()),
            "tg009_examples": self.examples,
            "examples": self.code_examples,
            "errors": self.errors,
        }


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`")
_NUMBER = re.compile(r"\b\d+\b")
_ENTRY = re.compile(r"\s*\([\w.]+:[\w.<>*?]+\)\s*$")


def categorise(message: str) -> str:
    """The category of a TG009 message: names, quoted code and numbers blanked, the entry point dropped."""
    text = _ENTRY.sub("", message)
    text = _QUOTED.sub("'…'", text)
    text = _NUMBER.sub("N", text)
    return text.strip()[:140]


def top_packages(root: Path) -> list[str]:
    """Importable top-level packages and modules directly under ``root``."""
    names = []
    for child in sorted(root.iterdir()):
        if child.is_dir() and (child / "__init__.py").exists() and child.name.isidentifier():
            names.append(child.name)
        elif child.suffix == ".py" and child.stem.isidentifier():
            names.append(child.stem)
    return names


def module_functions(root: Path, exclude_tests: bool = True) -> list[str]:
    """``module:function`` of every module-level function under ``root`` (files that do not parse are skipped)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if "__pycache__" in relative.parts or (exclude_tests and ("tests" in relative.parts or "migrations" in relative.parts)):
            continue
        parts = list(relative.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if not parts or not all(p.isidentifier() for p in parts):
            continue
        try:
            tree = ast.parse(path.read_bytes())
        except (SyntaxError, ValueError):
            continue
        module = ".".join(parts)
        found += [f"{module}:{node.name}" for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    return found


def manifest(root: Path, wide: bool) -> list[str]:
    """The wide manifest: starter-named methods in every package, every module-level function (``wide``: everything)."""
    packages = top_packages(root)
    if wide:
        return [f"{p}:*" for p in packages] + [f"{p}.*:*" for p in packages]
    entries = [f"{p}{suffix}:*.{name}" for p in packages for suffix in ("", ".*") for name in STARTER_NAMES]
    return entries + module_functions(root)


def write_config(root: Path, entries: Sequence[str]) -> Path:
    lines = ["[tool.thor-guard]", 'source-roots = ["."]', 'preset = "none"', 'exclude = ["**/migrations/**", "**/tests/**"]', "entry-points = ["]
    lines += [f'    "{entry}",' for entry in entries]
    lines.append("]")
    config = root / "thor-guard-precision.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def check_tree(name: str, root: Path, wide: bool = False) -> TreeReport:
    """Run ``check`` with the wide manifest over ``root`` (modified: a config file is written into it)."""
    from thor_guard.check import run_check
    from thor_guard.config import load_config

    config = load_config([root], config_file=write_config(root, manifest(root, wide)))
    started = time.perf_counter()
    result = run_check([root], config)
    seconds = time.perf_counter() - started
    report = TreeReport(name=name, files=result.files, entry_points=result.entry_points, seconds=seconds, errors=len(result.errors))
    for finding in result.findings:
        if finding.code == "TG008":
            continue  # a wide pattern that matches nothing in some package is not a verdict
        report.codes[finding.code] += 1
        report.code_examples.setdefault(finding.code, f"{finding.path.relative_to(root)}:{finding.line}: {finding.message}")
        if finding.code == "TG009":
            category = categorise(finding.message)
            report.tg009[category] += 1
            report.examples.setdefault(category, f"{finding.path.relative_to(root)}:{finding.line}: {finding.message}")
    return report


def prepare(name: str, workdir: Path, files: int, path: Path | None = None) -> Path:
    """Copy or generate tree ``name`` under ``workdir``."""
    root = workdir / name
    if path is not None:
        shutil.copytree(path, root, ignore=IGNORE)
    elif name == "django":
        import django

        shutil.copytree(Path(django.__file__).resolve().parent, root / "django", ignore=IGNORE)
    elif name == "gen":
        from benchmarks.gen_tree import generate

        generate(root, files=files, seed=7)
    else:
        raise ValueError(f"unknown tree {name!r}")
    return root


def render(report: TreeReport, categories: int) -> str:
    out = [
        f"## {report.name}: {report.entry_points} entry points in {report.files} files, {report.seconds:.1f} s"
        + (f", {report.errors} file errors" if report.errors else ""),
        "",
        "| code | count | first example |",
        "|------|------:|---------------|",
        f"| (no finding) | {report.clean} | |",
    ]
    out += [f"| {code} | {count} | {report.code_examples[code][:160]} |" for code, count in sorted(report.codes.items())]
    if report.tg009:
        out += ["", f"TG009 categories ({sum(report.tg009.values())} findings, {len(report.tg009)} categories):", ""]
        for category, count in report.tg009.most_common(categories):
            out.append(f"- {count} × {category}")
            out.append(f"  e.g. {report.examples[category]}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.precision", description=__doc__.splitlines()[0])
    parser.add_argument("--trees", default="django,gen", help="comma-separated: django, gen (default both)")
    parser.add_argument("--path", type=Path, action="append", default=[], help="also check this directory (copied first)")
    parser.add_argument("--files", type=int, default=1000, help="modules of the generated tree (default 1000)")
    parser.add_argument("--all", action="store_true", help="every function and method, not only starter-named methods")
    parser.add_argument("--categories", type=int, default=25, help="TG009 categories to print per tree (default 25)")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = parser.parse_args(argv)
    trees = [t for t in args.trees.split(",") if t]
    for tree in trees:
        if tree not in ("django", "gen"):
            print(f"error: unknown tree {tree!r} (django, gen)", file=sys.stderr)
            return 2
    for path in args.path:
        if not path.is_dir():
            print(f"error: {path}: not a directory", file=sys.stderr)
            return 2
    reports = []
    with tempfile.TemporaryDirectory(prefix="tg-precision-") as tmp:
        workdir = Path(tmp)
        jobs = [(t, None) for t in trees] + [(p.resolve().name or "path", p) for p in args.path]
        for name, path in jobs:
            root = prepare(name if path is None else f"path-{name}", workdir, args.files, path)
            report = check_tree(name, root, wide=args.all)
            reports.append(report)
            print(render(report, args.categories))
            print()
    if args.json:
        args.json.write_text(json.dumps([r.as_json() for r in reports], indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
