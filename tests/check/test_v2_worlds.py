"""One definition of the worlds: the heartbeat's predicate, its refusal messages and the verifier agree on every value."""

from __future__ import annotations

import textwrap
from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper

from heartbeat.mode import ModeError, check_scheduler_mode, is_heartbeat_world, value_space
from thor_guard.config import build_config
from thor_guard.verifier import VerifierContext, iter_functions, verify_function

REPO = Path(__file__).resolve().parents[2]
CONFIG = build_config({"preset": "none"}, root=REPO)


def test_the_predicate_is_unset_or_lower_equal() -> None:
    assert is_heartbeat_world(None) and is_heartbeat_world("heartbeat") and is_heartbeat_world("HeArTbEaT")
    for value in ("", " ", "heartbeat ", " heartbeat", "heartbeat\r", "legacy", "bogus"):
        assert not is_heartbeat_world(value), value


@pytest.mark.parametrize("row", value_space(), ids=lambda row: repr(row.value))
def test_the_heartbeat_refuses_exactly_the_legacy_world(row: object) -> None:
    environ = {} if row.value is None else {"THOR_SCHEDULER_MODE": row.value}  # type: ignore[attr-defined]
    if row.world == "heartbeat":  # type: ignore[attr-defined]
        check_scheduler_mode(CONFIG, environ)
        return
    with pytest.raises(ModeError) as info:
        check_scheduler_mode(CONFIG, environ)
    assert repr(row.value) in str(info.value)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("value", "words"),
    [("legacy", "legacy scheduler mode is active"), ("heartbeat ", "surrounding whitespace"), ("heartbeat\r", "carriage return"), ("", "(empty)"), ("hb", "is neither")],
)
def test_refusal_messages_name_the_kind_of_value(value: str, words: str) -> None:
    with pytest.raises(ModeError, match=None) as info:
        check_scheduler_mode(CONFIG, {"THOR_SCHEDULER_MODE": value})
    assert words in str(info.value)


def _verdict(body: str):  # type: ignore[no-untyped-def]
    source = "import os\nimport threading\n\ndef start():\n" + textwrap.indent(textwrap.dedent(body), "    ") + "    threading.Thread(target=print).start()\n"
    wrapper = MetadataWrapper(cst.parse_module(source))
    (qualname, function), = iter_functions(wrapper.module)
    return verify_function(wrapper, function, qualname, VerifierContext(module="m"))


def test_a_guard_is_accepted_only_if_it_exits_exactly_in_the_heartbeat_world() -> None:
    """Differential: a guard that exits iff the predicate holds is accepted; each single-value deviation is TG012/TG003/TG004/TG006."""
    values = [row.value for row in value_space()]
    assert _verdict('if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n    return\n').guarded
    for value in values:
        # Flip the guard's answer for exactly one value: the verifier must notice and name it.
        literal = "None" if value is None else repr(value)
        body = (
            'raw = os.environ.get("THOR_SCHEDULER_MODE")\n'
            f'hb = raw is None or raw.lower() == "heartbeat"\n'
            f"if raw == {literal}:\n    hb = not hb\n"
            "if hb:\n    return\n"
        )
        verdict = _verdict(body)
        assert not verdict.guarded, value
        message = " ".join(hit.message for hit in verdict.hits)
        if verdict.codes == {"TG012"}:
            assert repr(value) in message
        else:
            assert verdict.codes & {"TG003", "TG004", "TG006"}, (value, verdict.codes)


def test_docs_show_the_value_table() -> None:
    rules = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    for row in value_space():
        shown = "unset" if row.value is None else f"`{row.value!r}`"
        assert f"| {shown} | {row.kind} | {row.world} |" in rules
    assert "Which world a value selects" in (REPO / "docs" / "heartbeat.md").read_text(encoding="utf-8")
