"""Load the data-driven apply cases in ``tests/data/apply`` (a new case is a new file, or file pair).

``NAME.py`` is the input and ``NAME.expected.py`` the exact bytes apply must
produce; a case without an expected file must stay byte-for-byte unchanged.
An optional ``# case: key=value; key=value`` line (outside every targeted
function) configures the case:

- ``targets``: comma-separated qualname patterns (default ``*``: every function);
- ``select``: codes passed as ``--select``;
- ``person``: the codes apply must report as "needs a person";
- ``log-level``: the configured log level;
- ``transparent``: comma-separated ``transparent-decorators``.

The module of every case is ``cases.NAME`` and ``HEARTBEAT_ENABLED`` is a stale flag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from thor_guard.apply import FileResult, transform_source
from thor_guard.config import Config, build_config
from thor_guard.rules import parse_codes

DATA = Path(__file__).resolve().parent.parent / "data" / "apply"
_DIRECTIVE = re.compile(rb"^# case: (?P<body>.*?)\r?$", re.MULTILINE)


@dataclass(frozen=True)
class Case:
    name: str
    source: bytes
    expected: bytes | None
    targets: tuple[str, ...]
    select: frozenset[str] | None
    person: frozenset[str]
    log_level: str
    transparent: tuple[str, ...] = ()

    @property
    def module(self) -> str:
        return f"cases.{self.name}"

    @property
    def path(self) -> Path:
        return DATA / f"{self.name}.py"

    def config(self) -> Config:
        return _config(self.module, self.targets, self.log_level, self.transparent)

    def run(self, source: bytes | None = None) -> FileResult:
        data = self.source if source is None else source
        return transform_source(self.path, self.module, data, self.config(), self.select)


@cache
def _config(module: str, targets: tuple[str, ...], log_level: str, transparent: tuple[str, ...] = ()) -> Config:
    table: dict[str, object] = {
        "preset": "none",
        "entry-points": [f"{module}:{t}" for t in targets],
        "stale-flags": ["HEARTBEAT_ENABLED"],
        "log-level": log_level,
    }
    if transparent:
        table["transparent-decorators"] = list(transparent)
    return build_config(table, root=DATA)


def load_case(path: Path) -> Case:
    source = path.read_bytes()
    options: dict[str, str] = {}
    match = _DIRECTIVE.search(source)
    if match:
        for part in match.group("body").decode().split(";"):
            if part.strip():
                key, _, value = part.partition("=")
                options[key.strip()] = value.strip()
    expected_path = path.with_name(path.stem + ".expected.py")
    return Case(
        name=path.stem,
        source=source,
        expected=expected_path.read_bytes() if expected_path.exists() else None,
        targets=tuple(t.strip() for t in options.get("targets", "*").split(",")),
        select=parse_codes(options.get("select")),
        person=frozenset(c.strip() for c in options.get("person", "").split(",") if c.strip()),
        log_level=options.get("log-level", "debug"),
        transparent=tuple(t.strip() for t in options.get("transparent", "").split(",") if t.strip()),
    )


def all_cases() -> list[Case]:
    return [load_case(p) for p in sorted(DATA.glob("*.py")) if not p.name.endswith(".expected.py")]
