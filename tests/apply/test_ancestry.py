"""The rebuild enters only the statements enclosing the functions being fixed, and that changes no output."""

from __future__ import annotations

import textwrap

import libcst as cst
from hypothesis import given, settings
from hypothesis import strategies as st

from codemods.ancestry import GLUE, enclosing_ids
from thor_guard.verifier.skeleton import walk_functions

SOURCE = textwrap.dedent(
    '''\
    import os

    def top():
        def inner():
            return 1
        return inner

    class A:
        def m(self):
            if self:
                def in_if():
                    pass
            elif os:
                def in_elif():
                    pass
            else:
                def in_else():
                    pass

        class B:
            def deep(self):
                pass

    try:
        def in_try():
            pass
    except ValueError:
        def in_except():
            pass
    else:
        def in_try_else():
            pass
    finally:
        def in_finally():
            pass

    for _ in ():
        def in_for():
            pass
    else:
        def in_for_else():
            pass

    while False:
        def in_while():
            pass

    with open(os.devnull) as f:
        def in_with():
            pass

    match os.name:
        case "posix":
            def in_case():
                pass
        case _:
            pass
    '''
)


class _Rename(cst.CSTTransformer):
    """Rename the active functions; optionally enter only what :func:`enclosing_ids` allows (as the codemod does)."""

    def __init__(self, active: frozenset[int], module: cst.Module | None) -> None:
        super().__init__()
        self.active = active
        self.enter = enclosing_ids(module, active) if module is not None else None

    def on_visit(self, node: cst.CSTNode) -> bool:
        if self.enter is not None and not (isinstance(node, GLUE) or id(node) in self.enter):
            return False
        return super().on_visit(node)

    def leave_FunctionDef(self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef) -> cst.FunctionDef:
        if id(original_node) in self.active:
            return updated_node.with_changes(name=cst.Name(updated_node.name.value + "_fixed"))
        return updated_node


MODULE = cst.parse_module(SOURCE)
FUNCTIONS = walk_functions(MODULE)


def test_every_function_is_found_with_its_enclosing_statements() -> None:
    assert len(FUNCTIONS) == 16
    for qualname, function in FUNCTIONS:
        found = enclosing_ids(MODULE, {id(function)})
        assert id(function) in found and id(MODULE) in found, qualname
    deep = dict(FUNCTIONS)["A.B.deep"]
    found = enclosing_ids(MODULE, {id(deep)})
    classes = [s for s in MODULE.body if isinstance(s, cst.ClassDef)]
    assert id(classes[0]) in found
    assert id(dict(FUNCTIONS)["A.m"]) not in found  # a sibling method is not entered


@settings(max_examples=60, deadline=None)
@given(st.sets(st.integers(min_value=0, max_value=15)))
def test_restricted_rebuild_equals_full_rebuild(chosen: set[int]) -> None:
    active = frozenset(id(FUNCTIONS[index][1]) for index in chosen)
    full = MODULE.visit(_Rename(active, None)).code
    restricted = MODULE.visit(_Rename(active, MODULE)).code
    assert restricted == full
    assert restricted.count("_fixed(") == len(chosen)
