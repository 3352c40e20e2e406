"""Classification: follow paths from triggers to each spawn site and decide what it is.

Breadth-first search from all triggers of one class at once gives the
shortest path to every node. A guarded function (the verifier proved it
returns first in heartbeat mode) is reached but not expanded: nothing it calls
runs in heartbeat mode. The search state carries a "background" bit that
flips on a spawn edge, so a sleeping ``while`` loop counts only when it runs
inside a spawned target.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from thor_guard.audit.graph import (
    ON_DEMAND_TRIGGERS,
    STARTUP_TRIGGERS,
    CallGraph,
    SpawnSite,
)
from thor_guard.audit.result import Classification

State = tuple[str, bool]


@dataclass(frozen=True)
class Verdict:
    site: SpawnSite
    classification: Classification
    call_path: tuple[str, ...]
    """Trigger first, spawning function last (empty when unreachable)."""
    trigger_kind: str | None = None
    guarded_by: str | None = None


def _search(graph: CallGraph, sources: Iterable[str], blocked: Collection[str]) -> dict[State, State | None]:
    """Multi-source BFS over (node, in_background); returns each reached state's predecessor."""
    parents: dict[State, State | None] = {}
    queue: deque[State] = deque()
    for source in sorted(sources):
        state = (source, False)
        if state not in parents:
            parents[state] = None
            queue.append(state)
    while queue:
        state = queue.popleft()
        node, background = state
        if node in blocked:
            continue
        for callee in sorted(graph.calls.get(node, ())):
            nxt = (callee, background)
            if nxt not in parents:
                parents[nxt] = state
                queue.append(nxt)
        for target in sorted(graph.spawn_edges.get(node, ())):
            nxt = (target, True)
            if nxt not in parents:
                parents[nxt] = state
                queue.append(nxt)
    return parents


def _path(parents: dict[State, State | None], state: State) -> tuple[str, ...]:
    nodes: list[str] = []
    current: State | None = state
    while current is not None:
        nodes.append(current[0])
        current = parents[current]
    return tuple(reversed(nodes))


def _reached(parents: dict[State, State | None], site: SpawnSite) -> State | None:
    states = [(site.node, True)] if site.kind == "loop" else [(site.node, False), (site.node, True)]
    best: tuple[int, State] | None = None
    for state in states:
        if state in parents:
            length = len(_path(parents, state))
            if best is None or length < best[0]:
                best = (length, state)
    return best[1] if best else None


def classify(
    graph: CallGraph,
    guarded: Collection[str],
    is_allowed: Callable[[SpawnSite], bool],
) -> list[Verdict]:
    """Classify every spawn site (loops only when they run in a spawned target)."""
    startup = [n for n, kind in graph.triggers.items() if kind in STARTUP_TRIGGERS]
    on_demand = [n for n, kind in graph.triggers.items() if kind in ON_DEMAND_TRIGGERS]
    startup_unguarded = _search(graph, startup, guarded)
    on_demand_unguarded = _search(graph, on_demand, guarded)
    anywhere = _search(graph, [*startup, *on_demand], ())
    targets = {t for targets in graph.spawn_edges.values() for t in targets}
    verdicts: list[Verdict] = []
    for site in sorted(graph.spawns, key=lambda s: (s.module, s.line, s.column, s.kind)):
        if site.kind == "loop" and site.node not in targets and _reached(anywhere, site) is None:
            continue  # a foreground loop (a command's own wait loop), not background work
        if is_allowed(site):
            state = _reached(anywhere, site)
            path = _path(anywhere, state) if state else ()
            verdicts.append(Verdict(site, "allowed", path, graph.triggers.get(path[0]) if path else None))
            continue
        verdict = _classify_one(graph, site, guarded, startup_unguarded, on_demand_unguarded, anywhere)
        verdicts.append(verdict)
    return verdicts


def _classify_one(
    graph: CallGraph,
    site: SpawnSite,
    guarded: Collection[str],
    startup_unguarded: dict[State, State | None],
    on_demand_unguarded: dict[State, State | None],
    anywhere: dict[State, State | None],
) -> Verdict:
    if site.node not in guarded:
        for parents, classification in ((startup_unguarded, "unguarded"), (on_demand_unguarded, "on-demand")):
            state = _reached(parents, site)
            if state is not None:
                path = _path(parents, state)
                if site.kind != "loop" and site.target is not None and site.target in guarded:
                    # The new thread runs a function proven to return at once in heartbeat mode: it starts,
                    # but does nothing (TG013), so it is not a long-lived spawn.
                    return Verdict(site, "inert", path, graph.triggers.get(path[0]), site.target)
                return Verdict(site, classification, path, graph.triggers.get(path[0]))  # type: ignore[arg-type]
    state = _reached(anywhere, site)
    if state is None:
        return Verdict(site, "unreachable", ())
    path = _path(anywhere, state)
    guard = next((node for node in path if node in guarded), site.node if site.node in guarded else None)
    return Verdict(site, "guarded", path, graph.triggers.get(path[0]), guard)
