"""The codemod's qualified names (asked of the scope) equal libcst's ``QualifiedNameProvider`` for every node."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, QualifiedNameProvider, ScopeProvider

from codemods.scheduler_guard import qualified_names_from_scope

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "tests" / "data" / "check").glob("*.py"))[:40] + sorted((REPO / "examples" / "legacy_thor").rglob("*.py"))[:20]


class _AllNodes(cst.CSTVisitor):
    def __init__(self) -> None:
        self.nodes: list[cst.CSTNode] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        self.nodes.append(node)
        return True


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: str(p.relative_to(REPO)))
def test_same_names_as_the_provider(path: Path) -> None:
    try:
        module = cst.parse_module(path.read_bytes())
    except cst.ParserSyntaxError:
        pytest.skip("not parsable by libcst")
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    provided = wrapper.resolve(QualifiedNameProvider)
    scopes = wrapper.resolve(ScopeProvider)
    collector = _AllNodes()
    module.visit(collector)
    assert collector.nodes
    for node in collector.nodes:
        expected = provided.get(node, set())
        expected = expected() if callable(expected) else expected
        assert qualified_names_from_scope(scopes.get(node), node) == {q.name for q in expected}


def test_samples_exist() -> None:
    assert len(SAMPLES) >= 20
