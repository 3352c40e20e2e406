"""The inserted guard's exit gives callers what the function already gave in heartbeat mode (reviews AR3-1, AR3-12).

AR3-12: a ``-> bool`` starter whose nested heartbeat check says ``return True`` got ``return False``, so every
heartbeat-mode caller testing the result took its failure path. AR3-1: a value-returning function whose last
statement calls a helper that always raises (``_fail(...)``) was judged "can end without a value" and got a
bare ``return``. Each case runs before and after ``apply`` in subprocesses: in heartbeat mode the return value
must be what the existing check gave (or the function is left for a person), in legacy mode nothing changes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.apply.legacy_runs import apply_and_run

HEAD = "import builtins\nimport logging\nimport os\nimport typing\n\nlogger = logging.getLogger(__name__)\n\n\n"
CHECK = 'os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"'


def _nested(annotation: str, answer: str, last: str) -> str:
    return HEAD + (
        f"def start(feeds=(\"a\", \"b\")){annotation}:\n"
        '    builtins.SIDE("connect")\n'
        "    for feed in feeds:\n"
        f"        if {CHECK}:\n"
        '            logger.info("heartbeat drives the feeds")\n'
        f"            return {answer}\n"
        '        builtins.SIDE("open " + feed)\n'
        f"    return {last}\n"
    )


REUSED = {
    "bool_true": _nested(" -> bool", "True", "True"),
    "bool_unannotated": _nested("", "True", "False"),
    "optional": _nested(" -> typing.Optional[str]", '"skipped: heartbeat"', "None"),
    "none_possible": _nested("", '"skipped"', "None"),
}


@pytest.mark.parametrize("name", sorted(REUSED))
def test_the_existing_heartbeat_answer_is_kept(tmp_path: Path, name: str) -> None:
    applied = apply_and_run(tmp_path, {"m.py": REUSED[name]})
    assert applied.exit_code == 0, applied.output
    assert "what the function's existing heartbeat check returns" in applied.output, applied.output
    assert applied.legacy_runs_changed() == [] and applied.heartbeat_side_effects() == []
    for label, (before, after) in applied.runs.items():
        if label not in applied.legacy:
            assert before[1] == after[1], (label, before, after)  # type: ignore[index]


def test_a_contract_exit_is_named_in_a_note(tmp_path: Path) -> None:
    source = HEAD + 'def start() -> bool:\n    builtins.SIDE("up")\n    return True\n'
    applied = apply_and_run(tmp_path, {"m.py": source})
    assert applied.exit_code == 0, applied.output
    assert "note: inserted the canonical guard (exiting with 'return False', as the function's contract asks" in applied.output


NEVER_RETURNING = {
    "project_helper": 'def _fail(msg):\n    raise RuntimeError(msg)\n\n\ndef start(kind="a"):\n'
    '    builtins.SIDE("body")\n    if kind == "a":\n        return "started-a"\n    _fail("unknown kind")\n',
    "assert_never": 'def start(kind="a"):\n    builtins.SIDE("body")\n    if kind == "a":\n        return "started-a"\n'
    "    typing.assert_never(kind)\n",
    "awaited_last": 'async def _abort():\n    raise RuntimeError("abort")\n\n\nasync def start(kind="a"):\n'
    '    builtins.SIDE("body")\n    if kind == "a":\n        return "started-a"\n    await _abort()\n',
    "in_a_branch": 'def _fail(msg):\n    raise RuntimeError(msg)\n\n\ndef start(kind="a"):\n    builtins.SIDE("body")\n'
    '    if kind == "a":\n        return "started-a"\n    else:\n        _fail("unknown kind")\n',
}


@pytest.mark.parametrize("name", sorted(NEVER_RETURNING))
def test_a_last_call_does_not_make_a_value_function_return_none(tmp_path: Path, name: str) -> None:
    applied = apply_and_run(tmp_path, {"m.py": HEAD + NEVER_RETURNING[name]})
    assert applied.exit_code == 1 and "needs a person: the function returns a value" in applied.output, applied.output
    assert not applied.changed


def test_a_last_log_call_still_lets_the_function_end(tmp_path: Path) -> None:
    source = HEAD + (
        "def start():\n    try:\n        builtins.SIDE(\"body\")\n        return 1\n"
        "    except RuntimeError:\n        logger.exception(\"could not start\")\n"
    )
    applied = apply_and_run(tmp_path, {"m.py": source})
    assert applied.exit_code == 0, applied.output
    assert applied.legacy_runs_changed() == [] and applied.heartbeat_side_effects() == []
