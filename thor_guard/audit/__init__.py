"""``thor-guard audit``: find every thread, timer, process, task and sleeping loop that can start in heartbeat mode.

Public API::

    from thor_guard.audit import AuditOptions, run_audit
    result = run_audit(config, AuditOptions(paths=(Path("."),), use_cache=True))
    for spawn in result.spawns: ...   # SpawnReport: classification, call_path, trigger...

The pieces, one job each: :mod:`.files` (walk), :mod:`.prefilter` (text pass),
:mod:`.extract` (per-file facts with ``ast``), :mod:`.cache`, :mod:`.link`
(cross-module resolution), :mod:`.graph` (calls, spawns, triggers),
:mod:`.guards` (the verifier bridge), :mod:`.classify`, :mod:`.engine` (the
run), :mod:`.manifest` (``init``'s proposal) and :mod:`.replay` (the
console script's warm shortcut).

The names above are imported on first use (PEP 562), so that importing a
light submodule such as :mod:`.replay` or :mod:`.result` does not load the
engine.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing would cost the replay path its budget
if TYPE_CHECKING:
    from typing import Any

    from thor_guard.audit.engine import AuditOptions, run_audit
    from thor_guard.audit.result import AuditResult, AuditStats, SpawnReport, Unresolved

_HOME = {
    "AuditOptions": "thor_guard.audit.engine",
    "run_audit": "thor_guard.audit.engine",
    "AuditResult": "thor_guard.audit.result",
    "AuditStats": "thor_guard.audit.result",
    "SpawnReport": "thor_guard.audit.result",
    "Unresolved": "thor_guard.audit.result",
}

__all__ = ["AuditOptions", "AuditResult", "AuditStats", "SpawnReport", "Unresolved", "run_audit"]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
