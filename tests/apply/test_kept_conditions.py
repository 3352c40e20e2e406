"""A kept heartbeat check is moved only when it falls through in legacy mode whatever else holds (review AR3-4).

The move of a late check (TG002) keeps its condition. ``mode == "heartbeat" or os.environ.get("KILL")``, ``DRY_RUN
or mode == "heartbeat"`` and, under ``--select TG002``, a check on a misspelt variable (unset in legacy mode, so
its default "heartbeat" fires) can exit in legacy mode: above the code they came after, legacy mode skipped work
it used to do. Such a check stays where it is and the canonical guard (which falls through in legacy mode) goes
above everything. Each case runs before and after ``apply`` in a subprocess under every mode value combined
with the other inputs set and unset. Also: a check nested in an ``if`` on something else (review AR3-10) and a
condition that reads its feeder local twice (review AR3-8).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.apply.entry_runs import apply_and_run

HEAD = "import builtins\nimport logging\nimport os\n\nlogger = logging.getLogger(__name__)\n"
MODE = 'os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"'


def _late(condition: str, prefix: str = "") -> str:
    return (
        HEAD + prefix + "\n\ndef start():\n"
        '    builtins.SIDE("flush the outbox")\n'
        f"    if {condition}:\n"
        '        logger.info("not starting")\n'
        "        return\n"
        '    builtins.SIDE("body")\n'
    )


KEPT = {
    "kill_switch_or": (_late(f'{MODE} or os.environ.get("SHOP_SYNC_DISABLED")'), ()),
    "kill_switch_first": (_late(f'os.environ.get("SHOP_SYNC_DISABLED") == "1" or {MODE}'), ()),
    "module_flag": (_late(f"DRY_RUN or {MODE}", 'DRY_RUN = os.environ.get("DRY_RUN") == "1"\n'), ()),
    "misspelt_alone": (_late('os.environ.get("THOR_SCHEDULR_MODE", "heartbeat") == "heartbeat"'), ("--select", "TG002")),
    "stale_flag_alone": (_late('os.environ.get("HEARTBEAT_ENABLED") == "1" or ' + MODE), ("--select", "TG002")),
    "other_variable_local": (
        _late('mode == "heartbeat" or paused', "").replace(
            '    builtins.SIDE("flush the outbox")\n',
            '    builtins.SIDE("flush the outbox")\n'
            '    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()\n'
            '    paused = os.environ.get("SHOP_SYNC_DISABLED")\n',
        ),
        (),
    ),
}
OTHERS = ({}, {"SHOP_SYNC_DISABLED": "1", "DRY_RUN": "1", "HEARTBEAT_ENABLED": "1", "THOR_SCHEDULR_MODE": "legacy"})


@pytest.mark.parametrize("name", sorted(KEPT))
def test_a_check_that_can_exit_in_legacy_mode_is_not_moved(tmp_path: Path, name: str) -> None:
    source, args = KEPT[name]
    applied = apply_and_run(tmp_path, {"m.py": source}, args=args, extra=OTHERS)
    assert applied.exit_code == 0, applied.output
    assert "inserted the canonical guard above the existing" in applied.output, applied.output
    assert applied.legacy_runs_changed() == [], applied.runs
    assert applied.heartbeat_side_effects() == [], applied.runs


def test_a_check_on_the_mode_variable_alone_is_still_moved(tmp_path: Path) -> None:
    applied = apply_and_run(tmp_path, {"m.py": _late(MODE)}, extra=OTHERS)
    assert applied.exit_code == 0 and "moved the guard to the top" in applied.output, applied.output
    assert applied.legacy_runs_changed() == [] and applied.heartbeat_side_effects() == []


NESTED = {
    # review AR3-10: the check inside `if ENABLED:` and in the `elif` of an unrelated `if`
    "if_module_flag": (
        HEAD + "ENABLED = True\n\n\ndef start():\n    builtins.SIDE(\"prep\")\n    if ENABLED:\n"
        f"        if {MODE}:\n            logger.info(\"skip\")\n            return\n        builtins.SIDE(\"body\")\n"
    ),
    "elif_branch": (
        HEAD + "\n\ndef start(force=False):\n    builtins.SIDE(\"prep\")\n    if force:\n        builtins.SIDE(\"forced\")\n"
        f"    elif {MODE}:\n        logger.info(\"skip\")\n        return\n    builtins.SIDE(\"body\")\n"
    ),
}


@pytest.mark.parametrize("name", sorted(NESTED))
def test_a_check_nested_in_an_unrelated_if_gets_the_canonical_guard_above(tmp_path: Path, name: str) -> None:
    applied = apply_and_run(tmp_path, {"m.py": NESTED[name]}, extra=OTHERS)
    assert applied.exit_code == 0, applied.output
    assert "which is nested in an 'if' statement and cannot be moved" in applied.output, applied.output
    assert applied.legacy_runs_changed() == [] and applied.heartbeat_side_effects() == []


@pytest.mark.parametrize(
    "condition",
    ['mode == "heartbeat" or mode is None', 'mode is None or mode == "heartbeat"', 'mode == "heartbeat" or mode == "HEARTBEAT"'],
)
def test_a_feeder_local_read_twice_is_rewritten_not_kept(tmp_path: Path, condition: str) -> None:
    source = HEAD + (
        "\n\ndef start():\n    builtins.SIDE(\"prep\")\n    mode = os.getenv(\"THOR_SCHEDULER_MODE\")\n"
        f"    if {condition}:\n        logger.info(\"skip\")\n        return\n    builtins.SIDE(\"body\")\n"
    )
    applied = apply_and_run(tmp_path, {"m.py": source})
    assert applied.exit_code == 0, applied.output
    assert "inserted the canonical guard above" not in applied.output and "reads 'mode'" not in applied.output
    after = (tmp_path / "m.py").read_text()
    assert "mode ==" not in after.replace("scheduler_mode ==", ""), after  # one guard left, the canonical one
    assert applied.legacy_runs_changed() == [] and applied.heartbeat_side_effects() == []


def test_a_migrated_variable_is_named_in_the_note(tmp_path: Path) -> None:
    """Review AR3-15: the deliberate legacy change of a misspelt variable's migration is said, not only done."""
    applied = apply_and_run(tmp_path, {"m.py": _late('os.environ.get("THOR_SCHEDULR_MODE", "heartbeat") == "heartbeat"')})
    assert applied.exit_code == 0, applied.output
    assert (
        "note: moved the guard to the top (above 'builtins.SIDE(\"flush the outbox\")') and rewrote its condition to the "
        "canonical one; the old condition read THOR_SCHEDULR_MODE, the new one reads THOR_SCHEDULER_MODE: in legacy "
        "mode the body now runs where the old check exited"
    ) in applied.output, applied.output
    assert applied.heartbeat_side_effects() == []


@pytest.mark.parametrize(
    "prefix",
    ['STATE["worker"] = "worker-1"', 'STATE.update(worker="worker-1")', 'fill(STATE)', 'del STATE["stale"]'],
)
def test_a_branch_reading_an_item_the_jumped_code_may_set_is_not_moved(tmp_path: Path, prefix: str) -> None:
    """Review AR3-19: the skip log reads `STATE["worker"]`; above the store it raised KeyError in heartbeat mode."""
    source = HEAD + (
        'STATE = {"stale": 1}\n\n\ndef fill(state):\n    state["worker"] = "worker-1"\n\n\n'
        f"def start():\n    {prefix}\n    builtins.SIDE(\"prep\")\n"
        f"    if {MODE}:\n        logger.info(\"skip %s\", STATE[\"worker\"])\n        return\n    builtins.SIDE(\"body\")\n"
    )
    applied = apply_and_run(tmp_path, {"m.py": source})
    assert applied.exit_code == 1 and "the guard's branch reads 'STATE[\"worker\"]'" in applied.output, applied.output
    assert not applied.changed
