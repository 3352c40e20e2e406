"""Properties behind the hostile review's last counterexamples (VH-2..VH-16): the verifier's answer agrees with
what Python does, for generated inputs rather than the hand-written data cases alone."""

from __future__ import annotations

import textwrap

import libcst as cst
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from libcst.metadata import MetadataWrapper

from thor_guard.verifier import VerifierContext, iter_functions, verify_function
from thor_guard.verifier.paths import receiver_of

GUARD = 'if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n        return'


def _codes(source: str) -> frozenset[str]:
    wrapper = MetadataWrapper(cst.parse_module(textwrap.dedent(source)))
    context = VerifierContext(module="mod")
    verdicts = {q: verify_function(wrapper, f, q, context) for q, f in iter_functions(wrapper.module)}
    return frozenset(verdicts["start"].codes)


KEYS = st.sampled_from(["feed", "poll", "feeds", "", "Feed"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=st.dictionaries(KEYS, st.integers(-3, 3), max_size=4), key=KEYS, mutated=st.booleans())
def test_a_constant_lookup_agrees_with_python(table: dict[str, int], key: str, mutated: bool) -> None:
    """``TABLE[key]`` before the guard: TG006 exactly when Python raises KeyError in every world — and never when the
    module may change the dict (then its contents are unknown and the lookup is assumed not to raise)."""
    change = f"\nTABLE[{key!r}] = 1\n" if mutated else ""
    source = f"""
import os
import threading
TABLE = {table!r}{change}
def start():
    value = TABLE[{key!r}]
    {GUARD}
    threading.Thread(target=print, args=(value,)).start()
"""
    raises = key not in table and not mutated
    assert _codes(source) == (frozenset({"TG006"}) if raises else frozenset())


@settings(max_examples=20, deadline=None)
@given(table=st.dictionaries(KEYS, st.integers(-3, 3), max_size=4), key=KEYS)
def test_get_on_a_constant_never_raises(table: dict[str, int], key: str) -> None:
    source = f"""
import os
import threading
TABLE = {table!r}
def start():
    value = TABLE.get({key!r}, 0)
    {GUARD}
    threading.Thread(target=print, args=(value,)).start()
"""
    assert _codes(source) == frozenset()


REBINDINGS = [
    "self = Other",
    "self += 1",
    "(self := Other)",
    "for self in (Other,):\n            pass",
    "with ctx as self:\n            pass",
    "try:\n            pass\n        except Exception as self:\n            pass",
    "import os as self",
    "from os import path as self",
    "del self",
    "global self",
    "a, (b, *self) = 1, (2, 3)",
    "match Other:\n            case self:\n                pass",
    "match {}:\n            case {**self}:\n                pass",
    "match []:\n            case [*self]:\n                pass",
    "def self():\n            pass",
    "class self:\n            pass",
    "if False:\n            self = Other",
]


@settings(max_examples=len(REBINDINGS) * 2, deadline=None)
@given(binding=st.sampled_from(REBINDINGS), name=st.sampled_from(["self", "cls", "this"]))
def test_any_rebinding_of_the_receiver_drops_it(binding: str, name: str) -> None:
    """After any statement that may rebind the first parameter, ``self.x`` is no longer the class's own member."""
    source = f"class Feed:\n    def start({name}):\n        {binding.replace('self', name)}\n        return 1\n"
    function = cst.parse_module(source).body[0].body.body[0]  # type: ignore[attr-defined]
    assert receiver_of(function) is None


def test_a_receiver_that_is_only_read_stays() -> None:
    source = "class Feed:\n    def start(self):\n        x = self.a\n        self.b = [self for _ in ()]\n        return x\n"
    function = cst.parse_module(source).body[0].body.body[0]  # type: ignore[attr-defined]
    assert receiver_of(function) == "self"
