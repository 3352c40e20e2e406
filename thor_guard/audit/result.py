"""What an audit run returns: one :class:`SpawnReport` per spawn site, plus counters.

Frozen and picklable, so the whole result of an unchanged tree can be served
from the cache; turning it into findings or text is the command's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Classification = Literal["unguarded", "on-demand", "inert", "guarded", "allowed", "unreachable"]

CODES: dict[str, str] = {"unguarded": "TG010", "on-demand": "TG011", "inert": "TG013"}


@dataclass(frozen=True)
class SpawnReport:
    path: Path
    line: int
    column: int
    kind: str
    """thread, timer, process, executor, task, sched or loop."""
    api: str
    function: str
    """``module:qualname`` of the enclosing function."""
    classification: Classification
    trigger: str | None
    """``module:qualname`` of the trigger the shortest path starts from."""
    trigger_kind: str | None
    call_path: tuple[str, ...]
    guarded_by: str | None = None
    """For ``guarded``: the function proven to return first; for ``inert``: the spawn's target."""
    target: str | None = None
    proof: str | None = None
    """For ``inert``: what the verifier proved about the target (shown by ``--explain``)."""

    @property
    def code(self) -> str | None:
        return CODES.get(self.classification)

    @property
    def spawn_text(self) -> str:
        return f"while-loop ({self.api})" if self.kind == "loop" else f"{self.api}(...)"

    def path_text(self, arrow: str = " \u2192 ") -> str:
        return arrow.join((*self.call_path, self.spawn_text))


@dataclass(frozen=True)
class Unresolved:
    path: Path
    line: int
    column: int
    function: str
    text: str
    relevant: bool
    """The called name is also the name of a function on a path to a spawn: a possibly missed path."""


@dataclass(frozen=True)
class AuditStats:
    files: int = 0
    """Python files in the tree after ``exclude``."""
    read: int = 0
    """Files whose bytes were read (0 on a warm run of an unchanged tree)."""
    parsed: int = 0
    """Files parsed with ``ast`` in this run (cache misses)."""
    facts_from_cache: int = 0
    analysed: int = 0
    """Files whose facts took part in the analysis."""
    verified_functions: int = 0
    """Functions sent to the verifier (libcst) in this run (cache misses)."""
    verified_files: int = 0
    calls: int = 0
    unresolved_calls: int = 0
    result_from_cache: bool = False


@dataclass(frozen=True)
class AuditResult:
    spawns: tuple[SpawnReport, ...]
    unresolved: tuple[Unresolved, ...]
    errors: tuple[tuple[Path, str], ...]
    stats: AuditStats = field(default_factory=AuditStats)

    def with_stats(self, stats: AuditStats) -> AuditResult:
        return AuditResult(self.spawns, self.unresolved, self.errors, stats)
