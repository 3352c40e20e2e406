"""The naive audit's floor: parse every Python file under a directory with libcst, serially.

``python3 -m benchmarks.peers.libcst_parse DIR`` prints how many files it
parsed and how many failed; nothing else is computed. An audit that parses
everything cannot be faster than this, which is why thor-guard's decides
from the text first which files to parse at all.
"""

from __future__ import annotations

import sys
from pathlib import Path

import libcst as cst


def parse_all(root: Path) -> tuple[int, int]:
    parsed = failed = 0
    for path in sorted(root.rglob("*.py")):
        if "__pycache__" in path.parts or ".thor_guard_cache" in path.parts:
            continue
        try:
            cst.parse_module(path.read_bytes())
            parsed += 1
        except (cst.ParserSyntaxError, UnicodeDecodeError, SyntaxError):
            failed += 1
    return parsed, failed


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path(".")
    parsed, failed = parse_all(root)
    print(f"parsed {parsed} files, {failed} failed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
