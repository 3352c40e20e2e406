"""What a skipped call gives its caller after apply (reviews AR3-1, AR3-5, AR3-12, AR3-17).

AR3-12: the inserted guard's exit ignored the function's own heartbeat answer for ``-> bool`` / ``Optional`` /
None-capable functions (a nested check's ``return True`` became ``return False``). AR3-1: a value function
whose end is reached only after a call that may never return (``_fail(...)``) was judged "can end without a
value" and got a bare ``return``. AR3-17 / AR3-5: a ``@contextmanager`` (or ``contextmanager(...)``-wrapped)
generator whose heartbeat exit returns before yielding makes the caller's ``with`` raise "generator didn't
yield". Every case runs the entry point in subprocesses before and after ``thor-guard apply`` with the mode
unset, ``heartbeat`` and ``legacy``: legacy must not change, and the heartbeat world must give the caller what
it gave before (or the function is left for a person, untouched).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.apply.entry_runs import apply_and_run, check_clean

HEAD = "import builtins\nimport logging\nimport os\nimport typing\n\nlogger = logging.getLogger(__name__)\n\n\n"
CHECK = 'os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"'


def _nested(annotation: str, answer: str, last: str, around: str = "for") -> str:
    """A starter whose heartbeat check sits in a loop (or a try), after work: apply inserts the guard above."""
    if around == "for":
        block = "    for feed in feeds:\n"
    else:
        block = "    try:\n        feed = feeds[0]\n"
    return HEAD + (
        f'def start(feeds=("a", "b")){annotation}:\n'
        '    builtins.SIDE("connect")\n'
        f"{block}"
        f"        if {CHECK}:\n"
        '            logger.info("heartbeat drives the feeds")\n'
        f"            return {answer}\n"
        '        builtins.SIDE("open " + feed)\n'
        + ("    except IndexError:\n        pass\n" if around == "try" else "")
        + f"    return {last}\n"
    )


OWN_ANSWER = {
    "bool_true": _nested(" -> bool", "True", "True"),
    "bool_true_in_try": _nested(" -> bool", "True", "True", around="try"),
    "bool_unannotated": _nested("", "True", "False"),
    "optional": _nested(" -> typing.Optional[str]", '"skipped: heartbeat"', "None"),
    "optional_pep604": _nested(" -> 'str | None'", '"skipped"', '"done"'),
    "none_possible": _nested("", '"skipped"', "None"),
    "tuple_literal": _nested(" -> tuple", '("skipped", 0)', '("ran", 2)'),
}


@pytest.mark.parametrize("name", sorted(OWN_ANSWER))
def test_the_function_s_own_heartbeat_answer_is_kept(tmp_path: Path, name: str) -> None:
    applied = apply_and_run(tmp_path, {"m.py": OWN_ANSWER[name]}, "m:start")
    assert applied.exit_code == 0, applied.output
    assert "what the function's existing heartbeat check returns" in applied.output, applied.output
    assert applied.changed and applied.legacy_unchanged()
    assert applied.heartbeat_answer_kept(), (applied.before, applied.after)
    assert check_clean(tmp_path)[0] == 0


def test_a_contract_exit_is_named_in_a_note(tmp_path: Path) -> None:
    source = HEAD + 'def start() -> bool:\n    builtins.SIDE("up")\n    return True\n'
    applied = apply_and_run(tmp_path, {"m.py": source}, "m:start")
    assert applied.exit_code == 0, applied.output
    assert "(exiting with 'return False', as the function's contract asks: a skipped call gives its callers False)" in applied.output
    assert applied.legacy_unchanged() and applied.after[None] == [["returned", "False"], []]


ENDS_IN_A_CALL = {
    "module_helper": 'def _fail(msg):\n    raise RuntimeError(msg)\n\n\ndef start(kind="a"):\n'
    '    builtins.SIDE("body")\n    if kind == "a":\n        return "started-a"\n    _fail("unknown kind")\n',
    "helper_through_helper": 'def _die():\n    raise SystemExit(2)\n\n\ndef _fail(msg):\n    logger.error(msg)\n    _die()\n\n\n'
    'def start(kind="a"):\n    builtins.SIDE("body")\n    if kind == "a":\n        return "started-a"\n    _fail("unknown kind")\n',
    "method": 'class Worker:\n    def _abort(self):\n        raise RuntimeError("abort")\n\n    def start(self, kind="a"):\n'
    '        builtins.SIDE("body")\n        if kind == "a":\n            return "started-a"\n        self._abort()\n',
    "unknown_callee": 'import argparse\n\nPARSER = argparse.ArgumentParser()\n\n\ndef start(kind="a"):\n'
    '    builtins.SIDE("body")\n    if kind == "a":\n        return "started-a"\n    PARSER.error("unknown kind")\n',
    "assert_never": 'def start(kind="a"):\n    builtins.SIDE("body")\n    if kind == "a":\n        return "started-a"\n'
    "    typing.assert_never(kind)\n",
    "awaited": 'async def _abort():\n    raise RuntimeError("abort")\n\n\nasync def start(kind="a"):\n'
    '    builtins.SIDE("body")\n    if kind == "a":\n        return "started-a"\n    await _abort()\n',
    "in_an_else": 'def _fail(msg):\n    raise RuntimeError(msg)\n\n\ndef start(kind="a"):\n    builtins.SIDE("body")\n'
    '    if kind == "a":\n        return "started-a"\n    else:\n        _fail("unknown kind")\n',
    "rebound_helper": 'def _fail(msg):\n    return None\n\n\n_fail = print\n\n\ndef start(kind="a"):\n'
    '    builtins.SIDE("body")\n    if kind == "a":\n        return "started-a"\n    _fail("unknown kind")\n',
}


@pytest.mark.parametrize("name", sorted(ENDS_IN_A_CALL))
def test_an_end_after_a_call_that_may_never_return_is_not_a_none_contract(tmp_path: Path, name: str) -> None:
    entry = "m:Worker.start" if name == "method" else "m:start"
    applied = apply_and_run(tmp_path, {"m.py": HEAD + ENDS_IN_A_CALL[name]}, entry)
    assert applied.exit_code == 1 and "needs a person: the function returns a value" in applied.output, applied.output
    assert not applied.changed and applied.before == applied.after


ENDS_AFTER_A_RETURNING_CALL = {
    "module_helper": 'def _record(msg):\n    builtins.SIDE(msg)\n\n\ndef start(kind="b"):\n'
    '    builtins.SIDE("body")\n    if kind == "a":\n        return "started-a"\n    _record("nothing started")\n',
    "method": 'class Worker:\n    def _record(self, msg):\n        if msg:\n            return\n        raise ValueError\n\n'
    '    def start(self, kind="b"):\n        builtins.SIDE("body")\n        if kind == "a":\n            return "started-a"\n'
    '        self._record("nothing started")\n',
    "log_call": 'def start(kind="b"):\n    try:\n        builtins.SIDE("body")\n        if kind == "a":\n'
    '            return "started-a"\n        raise RuntimeError("b")\n    except RuntimeError:\n        logger.exception("could not start")\n',
}


@pytest.mark.parametrize("name", sorted(ENDS_AFTER_A_RETURNING_CALL))
def test_an_end_after_a_call_known_to_return_keeps_the_bare_return(tmp_path: Path, name: str) -> None:
    entry = "m:Worker.start" if name == "method" else "m:start"
    applied = apply_and_run(tmp_path, {"m.py": HEAD + ENDS_AFTER_A_RETURNING_CALL[name]}, entry)
    assert applied.exit_code == 0, applied.output
    assert applied.before[None][0] == ["returned", "None"]  # the function already gave None in this world
    assert applied.legacy_unchanged() and applied.after[None] == [["returned", "None"], []]


CONTEXT_MANAGERS = {
    "late_guard": "@contextlib.contextmanager\ndef start():\n    builtins.SIDE(\"prep\")\n"
    f"    if {CHECK}:\n        logger.info(\"skip\")\n        return\n    yield \"session\"\n    builtins.SIDE(\"teardown\")\n",
    "misspelt_variable": "@contextlib.contextmanager\ndef start():\n"
    '    if os.environ.get("THOR_SCHEDULER_MOD", "heartbeat").lower() == "heartbeat":\n        return\n'
    '    builtins.SIDE("prep")\n    yield "session"\n',
    "async_late_guard": "@contextlib.asynccontextmanager\nasync def start():\n    builtins.SIDE(\"prep\")\n"
    f"    if {CHECK}:\n        return\n    yield \"session\"\n",
}
CALLER = "\n\ndef use():\n    with start() as value:\n        return value\n"
ASYNC_CALLER = "\n\nasync def use():\n    async with start() as value:\n        return value\n"


@pytest.mark.parametrize("name", sorted(CONTEXT_MANAGERS))
def test_a_context_manager_s_heartbeat_exit_yields_first(tmp_path: Path, name: str) -> None:
    caller = ASYNC_CALLER if name.startswith("async") else CALLER
    source = HEAD.replace("import builtins\n", "import builtins\nimport contextlib\n") + CONTEXT_MANAGERS[name] + caller
    table = {"preset": "none", "entry-points": ["m:start"]}
    applied = apply_and_run(tmp_path, {"m.py": source}, call="m:use", table=table)
    assert applied.exit_code == 0, applied.output
    assert "returns without yielding (yielding once first: a @contextmanager must yield)" in applied.output, applied.output
    assert applied.legacy_unchanged()
    for mode in (None, "heartbeat"):
        assert applied.after[mode] == [["returned", "None"], []], applied.after  # the `with` is a no-op now
    if name != "misspelt_variable":
        assert applied.before[None][0][:2] == ["raised", "RuntimeError"]  # "generator didn't yield"
        assert check_clean(tmp_path)[0] == 0


def test_a_context_manager_whose_late_guard_yields_keeps_it_below_the_canonical_guard(tmp_path: Path) -> None:
    source = HEAD.replace("import builtins\n", "import builtins\nimport contextlib\n") + (
        "@contextlib.contextmanager\ndef start():\n    builtins.SIDE(\"prep\")\n"
        f"    if {CHECK}:\n        logger.info(\"skip\")\n        yield\n        return\n    yield \"session\"\n"
    ) + CALLER
    applied = apply_and_run(tmp_path, {"m.py": source}, call="m:use", table={"preset": "none", "entry-points": ["m:start"]})
    assert applied.exit_code == 0, applied.output
    assert "which yields in its branch (yielding once first" in applied.output, applied.output
    assert applied.legacy_unchanged() and applied.heartbeat_answer_kept()


def test_a_generator_wrapped_through_its_class_is_not_given_a_bare_return(tmp_path: Path) -> None:
    source = HEAD.replace("import builtins\n", "import builtins\nimport contextlib\n") + (
        "class Worker:\n    @staticmethod\n    def _session():\n        builtins.SIDE(\"open\")\n        yield \"session\"\n\n\n"
        "session = contextlib.contextmanager(Worker._session)\n\n\ndef use():\n    with session() as s:\n        return s\n"
    )
    applied = apply_and_run(tmp_path, {"m.py": source}, call="m:use", table={"preset": "none", "entry-points": ["m:Worker._session"]})
    assert applied.legacy_unchanged()
    if applied.changed:  # the guard yields first: the heartbeat `with` is a no-op
        assert applied.after[None] == [["returned", "None"], []], applied.after
    else:  # or it is left for a person, as it was
        assert applied.exit_code == 1 and applied.before == applied.after, applied.output


def test_a_generator_wrapped_in_another_module_is_for_a_person(tmp_path: Path) -> None:
    files = {
        "m.py": HEAD + 'def _session():\n    builtins.SIDE("open")\n    yield "session"\n',
        "app.py": "import contextlib\n\nimport m\n\nsession = contextlib.contextmanager(\n    m._session,\n)\n\n\n"
        "def use():\n    with session() as s:\n        return s\n",
    }
    applied = apply_and_run(tmp_path, files, call="app:use", table={"preset": "none", "entry-points": ["m:_session"]})
    assert applied.exit_code == 1, applied.output
    assert "the module app uses contextmanager and passes a '_session' to a call" in applied.output, applied.output
    assert not applied.changed and applied.before == applied.after
