"""Classification agrees with brute-force path enumeration on random call graphs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from thor_guard.audit.classify import classify
from thor_guard.audit.graph import CallGraph, SpawnSite

NODES = [f"m:f{i}" for i in range(6)]


@st.composite
def graphs(draw: st.DrawFn) -> tuple[CallGraph, set[str]]:
    graph = CallGraph()
    for caller, callee in draw(st.lists(st.tuples(st.sampled_from(NODES), st.sampled_from(NODES)), max_size=12)):
        graph.add_call(caller, callee)
    for node, kind in draw(st.dictionaries(st.sampled_from(NODES), st.sampled_from(["import", "app-ready", "view", "command"]), max_size=3)).items():
        graph.triggers[node] = kind
    for index, node in enumerate(draw(st.lists(st.sampled_from(NODES), min_size=1, max_size=3, unique=True))):
        graph.spawns.append(SpawnSite(node, "m", index + 1, 1, "thread", "threading.Thread"))
    guarded = set(draw(st.lists(st.sampled_from(NODES), max_size=3)))
    return graph, guarded


def _open_paths(graph: CallGraph, start: str, goal: str, guarded: set[str], blocked: bool) -> list[tuple[str, ...]]:
    """All simple paths start -> goal; with ``blocked`` no node on them may be guarded."""
    found: list[tuple[str, ...]] = []

    def walk(path: tuple[str, ...]) -> None:
        node = path[-1]
        if blocked and node in guarded:
            return
        if node == goal:
            found.append(path)
        for callee in graph.calls.get(node, ()):
            if callee not in path:
                walk((*path, callee))

    walk((start,))
    return found


@settings(max_examples=400, deadline=None)
@given(graphs())
def test_classification_matches_brute_force(case: tuple[CallGraph, set[str]]) -> None:
    graph, guarded = case
    verdicts = {v.site.node: v for v in classify(graph, guarded, lambda site: False)}
    startup = [n for n, k in graph.triggers.items() if k in ("import", "app-ready")]
    on_demand = [n for n, k in graph.triggers.items() if k in ("view", "command")]
    for site in graph.spawns:
        verdict = verdicts[site.node]
        open_startup = [p for t in startup for p in _open_paths(graph, t, site.node, guarded, True)]
        open_on_demand = [p for t in on_demand for p in _open_paths(graph, t, site.node, guarded, True)]
        any_path = [p for t in startup + on_demand for p in _open_paths(graph, t, site.node, guarded, False)]
        if open_startup:
            expected, shortest = "unguarded", min(map(len, open_startup))
        elif open_on_demand:
            expected, shortest = "on-demand", min(map(len, open_on_demand))
        elif any_path:
            expected, shortest = "guarded", min(map(len, any_path))
        else:
            expected, shortest = "unreachable", 0
        assert verdict.classification == expected
        assert len(verdict.call_path) == shortest
        if verdict.call_path:
            assert verdict.call_path[0] in graph.triggers and verdict.call_path[-1] == site.node
            assert all(b in graph.calls.get(a, ()) for a, b in zip(verdict.call_path, verdict.call_path[1:]))
        if expected == "guarded":
            assert verdict.guarded_by in guarded and verdict.guarded_by in verdict.call_path
