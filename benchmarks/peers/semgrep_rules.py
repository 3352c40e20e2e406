"""Semgrep rules as close to ``check`` and ``audit`` as semgrep can express (benchmark peers).

Semgrep cannot read a manifest, so the ``check`` rule is rendered from one:
its ``paths.include`` lists the files of the manifest's modules and a
``metavariable-regex`` keeps the functions whose names the entries end in. A
function matches unless its body (after an optional docstring) begins with
one of the guard shapes below. The ``audit`` rule is static
(``semgrep_audit.yaml``, rendered from the same shapes by :func:`audit_rule`):
a spawn call not inside a function that runs a guard before it. Semgrep
resolves ``import os as _os`` for ``os.environ.get`` patterns itself.

Render both to inspect them::

    python3 -m benchmarks.peers.semgrep_rules check 'pkg.mod:Class.start' > check.yaml
    python3 -m benchmarks.peers.semgrep_rules audit > benchmarks/peers/semgrep_audit.yaml
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

_READS = (
    'os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()',
    'os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower()',
)
_TESTS = ('$M == "heartbeat"', '$M in ("heartbeat", ...)')

SPAWN_CALLS = (
    "threading.Thread(...)",
    "threading.Timer(...)",
    "multiprocessing.Process(...)",
    "concurrent.futures.ThreadPoolExecutor(...)",
    "concurrent.futures.ProcessPoolExecutor(...)",
    "asyncio.create_task(...)",
    "asyncio.ensure_future(...)",
    "_thread.start_new_thread(...)",
    "sched.scheduler(...)",
)


def _guard_bodies(anywhere: bool) -> list[str]:
    """Function patterns whose body starts with (or, ``anywhere``, contains) a guard, with and without a docstring."""
    bodies: list[str] = []
    for read in _READS:
        for test in _TESTS:
            inline = test.replace("$M", read)
            for lines in ([f"$M = {read}", f"if {test}:", "  ...", "  return ..."], [f"if {inline}:", "  ...", "  return ..."]):
                lead = ["..."] if anywhere else []
                for docstring in ([], ['"..."']):
                    prefix = lead or docstring
                    tail = ["..."]
                    body = "\n".join("  " + line for line in [*prefix, *lines, *tail])
                    bodies.append(f"def $F(...):\n{body}\n")
                    if anywhere:
                        break
    return bodies


def _block(text: str, indent: int) -> str:
    pad = " " * indent
    return "|\n" + "".join(pad + line + "\n" for line in text.splitlines())


def _yaml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def check_rule(entry_points: Iterable[str], files: Sequence[str]) -> str:
    """A rule flagging manifest functions (by file and name) that do not begin with a guard."""
    names = sorted({entry.split(":", 1)[1].rsplit(".", 1)[-1] for entry in entry_points})
    regex = "^(" + "|".join(re.escape(n).replace(r"\*", ".*").replace(r"\?", ".") for n in names) + ")$"
    out = [
        "rules:",
        "  - id: thor-entry-point-missing-guard",
        "    languages: [python]",
        "    severity: ERROR",
        "    message: entry point $F has no THOR_SCHEDULER_MODE heartbeat guard at the top of its body",
        "    paths:",
        "      include:",
        *[f"        - {_yaml_str('/' + f)}" for f in files],
        "    patterns:",
        "      - pattern: " + _block("def $F(...):\n  ...", 10).rstrip("\n"),
        "      - metavariable-regex:",
        "          metavariable: $F",
        f"          regex: {_yaml_str(regex)}",
    ]
    for body in _guard_bodies(anywhere=False):
        out.append("      - pattern-not: " + _block(body, 10).rstrip("\n"))
    return "\n".join(out) + "\n"


def audit_rule() -> str:
    """A rule flagging spawn calls not preceded by a guard in their function."""
    out = [
        "# Rendered by benchmarks/peers/semgrep_rules.py (audit_rule); do not edit by hand.",
        "rules:",
        "  - id: thor-unguarded-spawn",
        "    languages: [python]",
        "    severity: ERROR",
        "    message: thread/timer/process/task started without a THOR_SCHEDULER_MODE guard before it in its function",
        "    patterns:",
        "      - pattern-either:",
        *[f"          - pattern: {call}" for call in SPAWN_CALLS],
    ]
    for body in _guard_bodies(anywhere=True):
        out.append("      - pattern-not-inside: " + _block(body, 10).rstrip("\n"))
    return "\n".join(out) + "\n"


AUDIT_RULE_FILE = Path(__file__).with_name("semgrep_audit.yaml")


def main(argv: list[str]) -> int:
    if argv[:1] == ["audit"]:
        sys.stdout.write(audit_rule())
        return 0
    if argv[:1] == ["check"]:
        sys.stdout.write(check_rule(argv[1:], ["**/*.py"]))
        return 0
    sys.stderr.write("usage: python3 -m benchmarks.peers.semgrep_rules check ENTRY... | audit\n")
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
