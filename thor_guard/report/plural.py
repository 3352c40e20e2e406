"""Counted nouns for every summary line: ``1 entry point``, ``2 entry points``, ``1 file analysed``."""

from __future__ import annotations

# Nouns whose plural is not "+s".
_IRREGULAR: dict[str, str] = {"entry": "entries"}


def plural(noun: str) -> str:
    """The plural of ``noun`` (its last word: ``spawn site`` -> ``spawn sites``)."""
    head, _, last = noun.rpartition(" ")
    if last in _IRREGULAR:
        word = _IRREGULAR[last]
    elif last.endswith(("s", "x", "ch", "sh")):
        word = last + "es"
    else:
        word = last + "s"
    return f"{head} {word}" if head else word


def count(number: int, noun: str, plural_form: str | None = None) -> str:
    """``"1 file"`` / ``"3 files"``; ``plural_form`` overrides the rule for this noun."""
    return f"{number} {noun if number == 1 else (plural_form or plural(noun))}"
