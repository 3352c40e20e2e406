"""Fixit 2 lint rules with the meaning of ``thor-guard check`` and ``thor-guard audit`` (benchmark peers).

``ManifestEntryPointGuard``: a function named by ``[tool.thor-guard]
entry-points`` in the nearest ``pyproject.toml`` whose body does not start
with a heartbeat guard. ``UnguardedSpawn``: a call to a thread/timer/process/
task constructor in a function whose body does not start with a guard (or at
module level). Both resolve names through ``QualifiedNameProvider``, as any
Fixit rule that must see through ``import os as _os`` has to. Fixit cannot
follow calls across modules, so the audit peer judges each spawning function
alone: a cheaper question than ``audit``'s, which makes the comparison kind
to Fixit.

Selected by the harness's config (``[tool.fixit] enable = ["benchmarks.peers.fixit_rules:..."]``).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path

import libcst as cst
from fixit import Invalid, LintRule, Valid
from libcst.metadata import FilePathProvider, QualifiedNameProvider

from benchmarks.peers.guard_shape import starts_with_guard
from benchmarks.peers.manifest import entry_points, thor_guard_table

SPAWNERS = frozenset(
    {
        "threading.Thread",
        "threading.Timer",
        "multiprocessing.Process",
        "concurrent.futures.ThreadPoolExecutor",
        "concurrent.futures.ProcessPoolExecutor",
        "asyncio.create_task",
        "asyncio.ensure_future",
        "_thread.start_new_thread",
        "sched.scheduler",
    }
)

@lru_cache(maxsize=64)
def _manifest(directory: Path) -> tuple[Path, tuple[Path, ...], tuple[tuple[str, str], ...]] | None:
    """(project root, source roots, [(module pattern, qualname pattern)]) of the nearest [tool.thor-guard]."""
    for candidate in (directory, *directory.parents):
        pyproject = candidate / "pyproject.toml"
        if not pyproject.is_file():
            continue
        table = thor_guard_table(pyproject)
        if table is None:
            continue
        roots = tuple((candidate / root).resolve() for root in table.get("source-roots", ["."]))
        targets = tuple(tuple(entry.split(":", 1)) for entry in entry_points(table))
        return candidate, roots, targets  # type: ignore[return-value]
    return None


def _module_name(path: Path, roots: tuple[Path, ...]) -> str | None:
    for root in roots:
        try:
            relative = path.resolve().relative_to(root)
        except ValueError:
            continue
        parts = list(relative.with_suffix("").parts)
        if parts and parts[-1] == "__init__":
            parts.pop()
        return ".".join(parts)
    return None


class _ScopedRule(LintRule):
    """Tracks the qualname of the enclosing classes/functions, and asks for qualified names."""

    METADATA_DEPENDENCIES = (QualifiedNameProvider,)

    def __init__(self) -> None:
        super().__init__()
        self._stack: list[str] = []
        self._functions: list[cst.FunctionDef] = []

    def _names(self, node: cst.CSTNode) -> Collection[str]:
        return {name.name for name in self.get_metadata(QualifiedNameProvider, node, set())}

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._stack.append(node.name.value)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._stack.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._on_function(node, ".".join(self._stack + [node.name.value]))
        self._stack += [node.name.value, "<locals>"]
        self._functions.append(node)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        del self._stack[-2:]
        self._functions.pop()

    def _on_function(self, node: cst.FunctionDef, qualname: str) -> None:
        """Hook for subclasses."""


class ManifestEntryPointGuard(_ScopedRule):
    """A manifest entry point must start with a THOR_SCHEDULER_MODE heartbeat guard (``thor-guard check``)."""

    MESSAGE = "entry point has no THOR_SCHEDULER_MODE heartbeat guard at the top of its body"
    METADATA_DEPENDENCIES = (QualifiedNameProvider, FilePathProvider)

    def visit_Module(self, node: cst.Module) -> None:
        path = self.get_metadata(FilePathProvider, node, None)
        self._module: str | None = None
        self._targets: tuple[tuple[str, str], ...] = ()
        if path is None:
            return
        found = _manifest(Path(path).resolve().parent)
        if found is None:
            return
        _, roots, targets = found
        self._module = _module_name(Path(path), roots)
        if self._module is not None:
            self._targets = tuple(t for t in targets if fnmatch.fnmatchcase(self._module, t[0]))

    def _on_function(self, node: cst.FunctionDef, qualname: str) -> None:
        if not self._targets or not any(fnmatch.fnmatchcase(qualname, pattern) for _, pattern in self._targets):
            return
        if not starts_with_guard(node, self._names):
            self.report(node.name, f"{self.MESSAGE} ({self._module}:{qualname})")


class UnguardedSpawn(_ScopedRule):
    """A thread/timer/process/task is started by a function that does not start with a guard (``thor-guard audit``)."""

    MESSAGE = "spawn site in a function without a THOR_SCHEDULER_MODE heartbeat guard"
    VALID = [
        Valid(
            """
            import os, threading
            def start():
                scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
                if scheduler_mode == "heartbeat":
                    return
                threading.Thread(target=print).start()
            """
        ),
        Valid(
            """
            import os as _os
            from threading import Timer
            def start():
                if _os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() in ("heartbeat",):
                    return
                Timer(1.0, print).start()
            """
        ),
    ]
    INVALID = [
        Invalid(
            """
            import threading
            def start():
                threading.Thread(target=print).start()
            """
        ),
        Invalid(
            """
            import os, threading
            def start():
                if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat") == "heartbeat":
                    return
                threading.Thread(target=print).start()
            """
        ),
        Invalid(
            """
            from threading import Thread
            Thread(target=print).start()
            """
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._verdicts: dict[int, bool] = {}

    def visit_Call(self, node: cst.Call) -> None:
        if not SPAWNERS & set(self._names(node.func)):
            return
        if self._functions:
            function = self._functions[-1]
            guarded = self._verdicts.get(id(function))
            if guarded is None:
                guarded = self._verdicts[id(function)] = starts_with_guard(function, self._names)
            if guarded:
                return
        self.report(node, self.MESSAGE)
