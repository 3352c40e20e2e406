"""A generator made a context manager by a call (``running = contextlib.contextmanager(_running)``, review AR3-5).

apply treats it as the decorated form when the verifier does too: a missing guard is inserted yielding once first
(check is then clean), and a guard that returns before the yield is the TG005 check reports, left for a person with
check's own message. A call that passes another object of the same name is left for a person with a note saying so
(the spelling matches, the verifier cannot prove it is this generator).
"""

from __future__ import annotations

from pathlib import Path

from tests.apply.cases import DATA, load_case
from tests.check.project import cli_runner, write_project
from thor_guard.cli import cli


def test_a_returning_guard_is_left_with_checks_tg005_message(tmp_path: Path) -> None:
    source = (DATA / "person_context_manager_by_call_returns_early.py").read_text()
    root = write_project(tmp_path / "p", {"m.py": source}, {"preset": "none", "entry-points": ["m:_running"]})
    checked = cli_runner().invoke(cli, ["check", "--no-cache", str(root)]).stdout.splitlines()
    applied = cli_runner().invoke(cli, ["apply", str(root)]).stdout.splitlines()
    (finding,) = [line for line in checked if " TG005 [no-exit] " in line]
    (refusal,) = [line for line in applied if " TG005 needs a person: " in line]
    message = finding.split(" TG005 [no-exit] ", 1)[1]
    assert "generator didn't yield" in message
    assert refusal.split(" TG005 needs a person: ", 1)[1] == message, (refusal, message)
    assert (root / "m.py").read_text() == source


def test_another_object_of_the_same_name_is_left_with_a_note() -> None:
    result = load_case(DATA / "person_context_manager_by_call_other_object.py").run()
    (outcome,) = result.functions
    assert outcome.action == "needs-person" and outcome.codes == ("TG001",)
    assert "passes a '_spare' that thor-guard cannot prove is this generator" in outcome.detail, outcome.detail


def test_the_missing_guard_yields_once_and_check_is_clean(tmp_path: Path) -> None:
    source = (DATA / "insert_context_manager_by_call.py").read_text()
    root = write_project(tmp_path / "p", {"m.py": source}, {"preset": "none", "entry-points": ["m:_session"]})
    assert cli_runner().invoke(cli, ["apply", str(root)]).exit_code == 0
    assert "        yield\n        return\n" in (root / "m.py").read_text()
    assert cli_runner().invoke(cli, ["check", "--no-cache", str(root)]).exit_code == 0


ALIASES = {
    # hostile apply review 16, F2: contextmanager under another name, in the module or in another one
    "module_alias": {"m.py": "import contextlib\n\ncm = contextlib.contextmanager\n\n\ndef _session():\n    print(\"opened\")\n    yield 1\n\n\nsession = cm(_session)\n"},
    "imported_alias": {
        "m.py": "def _session():\n    print(\"opened\")\n    yield 1\n",
        "other.py": "from contextlib import contextmanager as cm\n\nimport m\n\nsession = cm(m._session)\n",
    },
}


def test_a_generator_passed_to_what_may_be_contextmanager_is_left_for_a_person(tmp_path: Path) -> None:
    for name, files in ALIASES.items():
        root = write_project(tmp_path / name, files, {"preset": "none", "entry-points": ["m:_session"]})
        before = (root / "m.py").read_text()
        result = cli_runner().invoke(cli, ["apply", str(root)])
        assert result.exit_code == 1 and "TG001 needs a person" in result.stdout, (name, result.stdout)
        assert "contextmanager" in result.stdout and "for a person to decide" in result.stdout, (name, result.stdout)
        assert (root / "m.py").read_text() == before, name
