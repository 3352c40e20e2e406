"""``thor-guard audit``: find every thread, timer, process, task and sleeping loop that can start in heartbeat mode.

Public API::

    from thor_guard.audit import AuditOptions, run_audit
    result = run_audit(config, AuditOptions(paths=(Path("."),), use_cache=True))
    for spawn in result.spawns: ...   # SpawnReport: classification, call_path, trigger...

The pieces, one job each: :mod:`.files` (walk), :mod:`.prefilter` (text pass),
:mod:`.extract` (per-file facts with ``ast``), :mod:`.cache`, :mod:`.link`
(cross-module resolution), :mod:`.graph` (calls, spawns, triggers),
:mod:`.guards` (the verifier bridge), :mod:`.classify`, :mod:`.engine` (the
run) and :mod:`.manifest` (``init``'s proposal).
"""

from __future__ import annotations

from thor_guard.audit.engine import AuditOptions, run_audit
from thor_guard.audit.result import AuditResult, AuditStats, SpawnReport, Unresolved

__all__ = ["AuditOptions", "AuditResult", "AuditStats", "SpawnReport", "Unresolved", "run_audit"]
