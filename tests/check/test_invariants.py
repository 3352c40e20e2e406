"""Invariants of the verifier: formatting never changes a verdict, and wrapping in classes keeps it."""

from __future__ import annotations

import textwrap

import libcst as cst
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from libcst.metadata import MetadataWrapper

from thor_guard.rule_examples import RULE_DOCS
from thor_guard.verifier import VerifierContext, iter_functions, verify_function

SOURCES = [e.source for doc in RULE_DOCS if doc.code not in ("TG000", "TG008") for e in (*doc.bad, *doc.good) if not e.files and not e.config]


NESTABLE = [s for s in SOURCES if "class FeedService:" in s and "class Outer" not in s]


def _codes(source: str) -> dict[str, frozenset[str]]:
    wrapper = MetadataWrapper(cst.parse_module(source))
    context = VerifierContext(module="m")
    return {q: verify_function(wrapper, f, q, context).codes for q, f in iter_functions(wrapper.module)}


def _with_noise(source: str, positions: list[int]) -> str:
    """Insert comment lines and blank lines before some lines (never inside a bracket: the examples have none open)."""
    lines = source.splitlines()
    out: list[str] = []
    for number, line in enumerate(lines):
        if number in positions and line.strip() and not line.lstrip().startswith(("else", "elif", ")", "@")):
            indent = line[: len(line) - len(line.lstrip())]
            out += [f"{indent}# noise", ""]
        out.append(line)
    return "\n".join(out) + "\n"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SOURCES), st.lists(st.integers(min_value=0, max_value=40), max_size=8))
def test_comments_and_blank_lines_never_change_a_verdict(source: str, positions: list[int]) -> None:
    assert _codes(_with_noise(source, positions)) == _codes(source)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(NESTABLE))
def test_nesting_in_another_class_keeps_every_verdict(source: str) -> None:
    head, _, rest = source.partition("class FeedService:")
    nested = head + "class Outer:\n" + textwrap.indent("class FeedService:" + rest, "    ")
    plain = _codes(source)
    moved = _codes(nested)
    assert moved["Outer.FeedService.start"] == plain["FeedService.start"]
