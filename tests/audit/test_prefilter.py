"""The text pass: whole-word search over many files must agree with a regex oracle."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from thor_guard.audit.prefilter import WordIndex, is_seed

_ALPHABET = st.sampled_from(list("ab_1 .(\n"))
_TEXTS = st.lists(st.text(_ALPHABET, max_size=40), min_size=1, max_size=8)
_WORDS = st.lists(st.text(st.sampled_from(list("ab_")), min_size=1, max_size=3), min_size=1, max_size=4)


def _oracle(texts: list[str], words: list[str]) -> set[str]:
    found = set()
    for index, text in enumerate(texts):
        if any(re.search(rf"(?<![A-Za-z0-9_]){re.escape(w)}(?![A-Za-z0-9_])", text) for w in words):
            found.add(f"f{index}")
    return found


@settings(max_examples=300, deadline=None)
@given(_TEXTS, _WORDS)
def test_files_mentioning_matches_a_regex_oracle(texts: list[str], words: list[str]) -> None:
    index = WordIndex([f"f{i}" for i in range(len(texts))], [t.encode() for t in texts])
    assert index.files_mentioning(words) == _oracle(texts, words)


def test_skip_and_word_boundaries() -> None:
    index = WordIndex(["a", "b", "c"], [b"start_poller()", b"x = restart()", b"from m import start"])
    assert index.files_mentioning(["start"]) == {"c"}
    assert index.files_mentioning(["start", "start_poller"], skip={"c"}) == {"a"}


def test_seed_markers() -> None:
    assert is_seed(b"from threading import Thread")
    assert is_seed(b"while True:\n    time.sleep(1)\n")
    assert is_seed(b"while not stop.wait(5):\n    pass\n")
    assert not is_seed(b"def add(a, b):\n    return a + b\n")
    assert not is_seed(b"while x:\n    x -= 1\n")


_SEED_ALPHABET = st.sampled_from(["Thread", "Pool", "while", "sleep(", ".wait(", "gevent", "x", " ", "\n", "Thr", "ead", "whi", "le"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_SEED_ALPHABET, max_size=12).map("".join), min_size=1, max_size=8))
def test_whole_buffer_seeds_agree_with_the_per_file_test(texts: list[str]) -> None:
    data = [t.encode() for t in texts]
    index = WordIndex([f"f{i}" for i in range(len(data))], data)
    assert index.seeds() == {f"f{i}" for i, text in enumerate(data) if is_seed(text)}
