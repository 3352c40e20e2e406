"""Property: merging paths never launders a value whose dunders are effects (UNTRUSTED) into an ordinary unknown.

If one path binds ``x = _OBJ`` (a possible project-class instance) and another ``x = 1``, the merged ``x`` must stay
UNTRUSTED: an OPAQUE result would let ``bool(x)`` through under the dunder assumption.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from thor_guard.verifier.values import OPAQUE, UNTRUSTED, join, same

_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=5), st.just(OPAQUE), st.just(UNTRUSTED),
    st.tuples(st.integers(), st.text(max_size=3)),
)


@given(st.lists(_VALUES, min_size=1, max_size=6))
def test_join_keeps_untrusted(values: list[object]) -> None:
    joined = join(values)
    if any(v is UNTRUSTED for v in values):
        assert joined is UNTRUSTED
    elif all(same(values[0], v) for v in values):
        assert same(joined, values[0])
    else:
        assert joined is OPAQUE


@given(_VALUES)
def test_untrusted_equals_only_itself(value: object) -> None:
    assert same(UNTRUSTED, value) == (value is UNTRUSTED)
