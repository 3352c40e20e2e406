"""A generator used as a context manager keeps working in heartbeat mode after apply (reviews AR3-5, AR3-17).

AR3-17: a ``@contextmanager`` starter whose late heartbeat check returns before its ``yield`` raised "generator
didn't yield" in every heartbeat-mode ``with``; the TG002 move kept that. AR3-5: a generator wrapped by
``contextmanager(Worker._session)`` or in another module got a bare ``return``, with the same crash. Each case
enters the context manager before and after ``apply`` in subprocesses under every mode value.
"""

from __future__ import annotations

from pathlib import Path

from tests.apply.legacy_runs import apply_and_run

HEAD = "import builtins\nimport contextlib\nimport logging\nimport os\n\nlogger = logging.getLogger(__name__)\n\n\n"
CHECK = 'os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"'


def test_a_late_check_in_a_contextmanager_gets_a_guard_that_yields(tmp_path: Path) -> None:
    source = HEAD + (
        "@contextlib.contextmanager\ndef start():\n    builtins.SIDE(\"prep\")\n"
        f"    if {CHECK}:\n        logger.info(\"skip\")\n        return\n"
        "    yield \"session\"\n    builtins.SIDE(\"teardown\")\n"
    )
    applied = apply_and_run(tmp_path, {"m.py": source})
    assert applied.exit_code == 0, applied.output
    assert "which returns before the first 'yield'" in applied.output and "yielding once first" in applied.output
    assert applied.legacy_runs_changed() == [] and applied.heartbeat_side_effects() == []
    for label, (_, after) in applied.runs.items():
        assert after[1][0] == "returned", (label, after)  # type: ignore[index]  # no "generator didn't yield"


def test_a_generator_wrapped_through_its_class_is_not_given_a_bare_return(tmp_path: Path) -> None:
    source = HEAD + (
        "class Worker:\n    @staticmethod\n    def _session():\n        builtins.SIDE(\"open\")\n        yield \"session\"\n"
        "        builtins.SIDE(\"close\")\n\n\nsession = contextlib.contextmanager(Worker._session)\n\n\n"
        "def start():\n    with session() as s:\n        return (\"cm\", s)\n"
    )
    applied = apply_and_run(tmp_path, {"m.py": source}, "m:Worker._session", call="m:start")
    assert applied.legacy_runs_changed() == []
    for label, (_, after) in applied.runs.items():
        assert after[1][0] == "returned", (label, after)  # type: ignore[index]


def test_a_generator_wrapped_in_another_module_is_left_for_a_person(tmp_path: Path) -> None:
    files = {
        "m.py": HEAD + "def _session():\n    builtins.SIDE(\"open\")\n    yield \"session\"\n    builtins.SIDE(\"close\")\n",
        "app.py": "import contextlib\n\nimport m\n\nsession = contextlib.contextmanager(m._session)\n\n\n"
        "def start():\n    with session() as s:\n        return (\"cm\", s)\n",
    }
    applied = apply_and_run(tmp_path, files, "m:_session", call="app:start")
    assert applied.exit_code == 1 and "the module app passes a '_session' to contextmanager(...)" in applied.output, applied.output
    assert not applied.changed
