"""A guard is never put above code that may set the environment, however far away the write is (review AR3-3, AR3-6).

An existing heartbeat check that runs after ``load_dotenv()`` decides on the value the ``.env`` file gave the
mode variable; moving it up (TG002), or inserting the canonical guard above that call, made a deployment whose
``.env`` says ``THOR_SCHEDULER_MODE=legacy`` stop running its legacy body, with exit 0 and a clean check. Each
case runs the entry point before and after ``apply`` in a subprocess under every mode value: where the code
may set the environment the function must be left for a person (and unchanged); where it provably does not,
it is still fixed, legacy behaviour unchanged and the heartbeat world reaching no side effect.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.apply.entry_runs import apply_and_run

HEAD = "import builtins\nimport logging\nimport os\n\nlogger = logging.getLogger(__name__)\n\n\n"
CHECK = (
    '    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n'
    '        logger.info("skip")\n'
    "        return\n"
    '    builtins.SIDE("legacy body")\n'
)
LOADER = '''def load_dotenv(path=".env"):
    """A minimal python-dotenv: KEY=VALUE lines into os.environ (existing values win)."""
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                key, _, value = line.strip().partition("=")
                if key and key not in os.environ:
                    os.environ[key] = value


'''
DOTENV = {".env": "THOR_SCHEDULER_MODE=legacy\n"}
BOOT = (
    "import os\n\n\ndef prepare():\n    _inner()\n\n\n"
    'def _inner():\n    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")\n'
)

REFUSED = {
    # the review's case: a same-module load_dotenv() before a late check
    "local_loader": {"m.py": HEAD + LOADER + "def start():\n    load_dotenv()\n" + CHECK, **DOTENV},
    # a late check nested in a loop (insert path) after the loader: the canonical guard above would read too early
    "nested_after_loader": {
        "m.py": HEAD + LOADER + "def start():\n    load_dotenv()\n    for _ in (1,):\n" + CHECK.replace("\n    ", "\n        ").replace("    if", "        if", 1),
        **DOTENV,
    },
    # a helper with an innocent name in another module, writing the variable two calls deep
    "imported_helper": {"boot.py": BOOT, "m.py": HEAD + "from boot import prepare\n\n\ndef start():\n    prepare()\n" + CHECK},
    "module_attribute_helper": {"boot.py": BOOT, "m.py": HEAD + "import boot\n\n\ndef start():\n    boot.prepare()\n" + CHECK},
    # a method of the entry point's class
    "method": {
        "m.py": HEAD
        + "class Worker:\n    def _configure(self):\n        os.environ[\"THOR_SCHEDULER_MODE\"] = \"legacy\"\n\n"
        + "    def start(self):\n        self._configure()\n"
        + CHECK.replace("\n    ", "\n        ").replace("    if", "        if", 1)
    },
    # a project module whose import-time code loads the environment, imported inside the function
    "import_time": {
        "envboot.py": 'import os\n\nos.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")\n',
        "m.py": HEAD + "def start():\n    import envboot  # noqa: F401\n    builtins.SIDE(\"prep\")\n" + CHECK,
    },
    # a kept kill switch (insert path) after a loader
    "kill_switch_after_loader": {
        "m.py": HEAD + LOADER + "def start():\n    load_dotenv()\n"
        + CHECK.replace('== "heartbeat":', '== "heartbeat" or os.environ.get("SHOP_SYNC_DISABLED"):'),
        **DOTENV,
    },
    # review AR3-6: an alias of os.environ exported by a project module, under three spellings
    "imported_alias_setdefault": {
        "settings.py": "import os\n\nENV = os.environ\n",
        "m.py": HEAD + "from settings import ENV\n\n\ndef start():\n    ENV.setdefault(\"THOR_SCHEDULER_MODE\", \"legacy\")\n    builtins.SIDE(\"prep\")\n" + CHECK,
    },
    "module_alias_store": {
        "settings.py": "import os\n\nENV = os.environ\n",
        "m.py": HEAD + "import settings\n\n\ndef start():\n    settings.ENV[\"THOR_SCHEDULER_MODE\"] = \"legacy\"\n    builtins.SIDE(\"prep\")\n" + CHECK,
    },
    # hostile apply review 16, F3: the loader under a module-level alias made by assignment
    "assigned_loader_alias": {
        "m.py": HEAD + LOADER + "configure = load_dotenv\n\n\ndef start():\n    configure()\n" + CHECK,
        **DOTENV,
    },
    "imported_alias_rebound": {
        "settings.py": "import os\n\nENV = os.environ\n",
        "m.py": HEAD + "from settings import ENV as E\n\n\ndef start():\n    env = E\n    env.update(THOR_SCHEDULER_MODE=\"legacy\")\n    builtins.SIDE(\"prep\")\n" + CHECK,
    },
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_guard_is_not_put_above_code_that_may_set_the_environment(tmp_path: Path, name: str) -> None:
    entry = "m:Worker.start" if name == "method" else "m:start"
    applied = apply_and_run(tmp_path, REFUSED[name], entry)
    assert applied.exit_code == 1, applied.output
    assert "needs a person" in applied.output and ("may set" in applied.output or "may write os.environ" in applied.output), applied.output
    assert not applied.changed
    # the refusal matters: in these projects the legacy body runs although the process environment has no mode
    assert any("legacy body" in str(before) for before, _ in applied.runs.values())


CLEAN_HELPER = "def prepare():\n    builtins.SIDE(\"prep\")\n    return len(os.environ.get(\"HOME\", \"\"))\n"


def test_a_move_over_project_code_that_leaves_the_environment_alone_is_still_made(tmp_path: Path) -> None:
    files = {
        "boot.py": "import builtins\nimport os\n\n\n" + CLEAN_HELPER,
        "m.py": HEAD + "from boot import prepare\n\n\ndef start():\n    prepare()\n" + CHECK,
    }
    applied = apply_and_run(tmp_path, files)
    assert applied.exit_code == 0, applied.output
    assert applied.changed
    # the only jumped-over call is the project's, and it was read: the note names the move, no assumption
    assert "note: moved the guard to the top (above 'prepare()') (m:start)" in applied.output, applied.output
    assert applied.legacy_runs_changed() == []
    assert applied.heartbeat_side_effects() == []


def test_a_move_over_a_library_call_names_the_assumption(tmp_path: Path) -> None:
    files = {"m.py": HEAD + "import json\n\n\ndef start():\n    builtins.SIDE(json.dumps([1]))\n" + CHECK}
    applied = apply_and_run(tmp_path, files)
    assert applied.exit_code == 0, applied.output
    assert (
        "moved the guard to the top (above 'builtins.SIDE(json.dumps([1]))'); the guard now reads THOR_SCHEDULER_MODE "
        "before 'builtins.SIDE(json.dumps([1]))' and 1 other call"
    ) in applied.output, applied.output
    assert "apply assumes they do not set it" in applied.output
    assert applied.legacy_runs_changed() == []
    assert applied.heartbeat_side_effects() == []


OWN_WRITES = {
    "setdefault": 'os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")',
    "store": 'os.environ["THOR_SCHEDULER_MODE"] = os.environ.get("THOR_SCHEDULER_MODE", "legacy")',
    "update_keyword": 'os.environ.update(THOR_SCHEDULER_MODE="legacy")',
    "alias": 'env = os.environ\n    env.setdefault("THOR_SCHEDULER_MODE", "legacy")',
}


@pytest.mark.parametrize("name", sorted(OWN_WRITES))
def test_the_canonical_guard_is_not_inserted_above_the_functions_own_mode_default(tmp_path: Path, name: str) -> None:
    """Review AR3-21: a TG001 function that declares its own mode default keeps it; a person decides."""
    source = HEAD + "def start():\n    # this box runs legacy unless told otherwise\n    " + OWN_WRITES[name] + '\n    builtins.SIDE("legacy body")\n'
    applied = apply_and_run(tmp_path, {"m.py": source})
    assert applied.exit_code == 1 and "the function sets THOR_SCHEDULER_MODE itself" in applied.output, applied.output
    assert not applied.changed


def test_a_write_of_another_variable_does_not_stop_the_insert(tmp_path: Path) -> None:
    source = HEAD + 'def start():\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site.settings")\n    builtins.SIDE("legacy body")\n'
    applied = apply_and_run(tmp_path, {"m.py": source})
    assert applied.exit_code == 0, applied.output
    assert applied.legacy_runs_changed() == [] and applied.heartbeat_side_effects() == []


HELPER_WRITES = {
    # hostile apply review 16, F4: the function's mode default, one call away (TG001 insert path)
    "helper": "def _default_to_legacy():\n    os.environ.setdefault(\"THOR_SCHEDULER_MODE\", \"legacy\")\n\n\n"
    "def start():\n    _default_to_legacy()\n    builtins.SIDE(\"legacy body\")\n",
    "imported_two_deep": None,
    "loader": LOADER + "def start():\n    load_dotenv()\n    builtins.SIDE(\"legacy body\")\n",
}


@pytest.mark.parametrize("name", sorted(HELPER_WRITES))
def test_the_canonical_guard_is_not_inserted_above_a_call_that_sets_the_mode(tmp_path: Path, name: str) -> None:
    if name == "imported_two_deep":
        files = {"boot.py": BOOT, "m.py": HEAD + "from boot import prepare\n\n\ndef start():\n    prepare()\n    builtins.SIDE(\"legacy body\")\n"}
    else:
        files = {"m.py": HEAD + HELPER_WRITES[name], **(DOTENV if name == "loader" else {})}
    applied = apply_and_run(tmp_path, files)
    assert applied.exit_code == 1 and "the function may set THOR_SCHEDULER_MODE through what it calls" in applied.output, applied.output
    assert not applied.changed


def test_a_helper_writing_another_variable_does_not_stop_the_insert(tmp_path: Path) -> None:
    helper = 'def _settings():\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site.settings")\n\n\n'
    applied = apply_and_run(tmp_path, {"m.py": HEAD + helper + 'def start():\n    _settings()\n    builtins.SIDE("legacy body")\n'})
    assert applied.exit_code == 0, applied.output
    assert applied.legacy_runs_changed() == [] and applied.heartbeat_side_effects() == []


PATCHER = (
    "import threading\n\n_real = threading.RLock\n\n\nclass TracedRLock:\n    def __init__(self):\n        self._lock = _real()\n\n"
    "    def acquire(self, *args, **kwargs):\n        return self._lock.acquire(*args, **kwargs)\n\n"
    "    def release(self):\n        return self._lock.release()\n\n    __enter__ = acquire\n\n"
    "    def __exit__(self, *exc):\n        self.release()\n\n\nthreading.RLock = TracedRLock\n"
)
LOGGING_ORDER = {
    # hostile apply review 16, F1: a project module patches what logging takes at import; `import logging` added
    # above it would make logging keep the unpatched lock, in legacy mode too
    "imported_patcher": {"greenpatch.py": PATCHER, "m.py": "import builtins\n\nimport greenpatch  # noqa: F401\n\n\ndef start():\n    builtins.SIDE(\"legacy body\")\n"},
    "assigned_patch_call": {
        "greenlib.py": "def patch_all():\n    return True\n",
        "m.py": "import builtins\n\nimport greenlib\n\npatched = greenlib.patch_all()\n\n\ndef start():\n    builtins.SIDE(\"legacy body\")\n",
    },
}


@pytest.mark.parametrize("name", sorted(LOGGING_ORDER))
def test_import_logging_is_not_added_above_an_import_time_patch(tmp_path: Path, name: str) -> None:
    applied = apply_and_run(tmp_path, LOGGING_ORDER[name])
    assert applied.exit_code == 1 and "'import logging'" in applied.output and "needs a person" in applied.output, applied.output
    assert not applied.changed
