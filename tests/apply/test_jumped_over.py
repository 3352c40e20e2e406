"""Every edit path asks the same question of the code a new or moved guard jumps over (review AR4-1,2,5,6,9,10).

Each case runs the entry point in subprocesses before and after ``apply`` under every mode value; a project whose
code before the existing heartbeat check may set the mode variable must be left for a person, unchanged (its
legacy body ran with the variable unset: the project's own code set it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.apply.entry_runs import apply_and_run

HEAD = "import builtins\nimport logging\nimport os\nimport threading\n\nlogger = logging.getLogger(__name__)\n\n\n"


def check(indent: str = "    ") -> str:
    return (
        f'{indent}if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n'
        f'{indent}    logger.info("skip")\n'
        f"{indent}    return\n"
        f'{indent}builtins.SIDE("legacy body")\n'
    )


PIN = 'os.environ["THOR_SCHEDULER_MODE"] = "legacy"'

REFUSED: dict[str, tuple[dict[str, str], str]] = {
    # AR4-1: a method of a base class, through self
    "inherited_method": (
        {"m.py": HEAD + f"class Base:\n    def configure(self):\n        {PIN}\n\n\nclass Worker(Base):\n    def start(self):\n"
         "        self.configure()\n" + check("        ")},
        "m:Worker.start",
    ),
    # AR4-1: a base class imported from another project module, its method calling another of its own
    "imported_base_chain": (
        {"base.py": f"import os\n\n\nclass Service:\n    def configure(self):\n        self._pin()\n\n    def _pin(self):\n        {PIN}\n",
         "m.py": HEAD + "from base import Service\n\n\nclass Worker(Service):\n    def start(self):\n        self.configure()\n" + check("        ")},
        "m:Worker.start",
    ),
    # AR4-1: a method of another class reached through its constructor
    "constructor_method": (
        {"m.py": HEAD + f"class Settings:\n    def __init__(self):\n        self._apply()\n\n    def _apply(self):\n        {PIN}\n\n\n"
         "def start():\n    Settings()\n" + check()},
        "m:start",
    ),
    # AR4-2: the TG001 insert, a check after a 'with' whose __enter__ writes
    "with_enter": (
        {"m.py": HEAD + f"class Deploy:\n    def __enter__(self):\n        {PIN}\n        return self\n\n    def __exit__(self, *a):\n        return None\n\n\n"
         "def start():\n    with Deploy():\n        pass\n" + check()},
        "m:start",
    ),
    # AR4-2: the TG001 insert, a settings constant whose module loads the environment at import
    "settings_constant": (
        {"settings.py": 'import os\n\nos.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")\nMODE = os.environ["THOR_SCHEDULER_MODE"].lower()\n',
         "m.py": HEAD + 'def start():\n    from settings import MODE\n    if MODE == "heartbeat":\n        return\n    builtins.SIDE("legacy body")\n'},
        "m:start",
    ),
    # AR4-5: a loader under another local name
    "aliased_loader": (
        {"lib/envloader.py": f"import os\n\n\ndef load():\n    {PIN}\n",
         "m.py": HEAD + "import sys\nsys.path.insert(0, 'lib')\nfrom envloader import load as prepare_settings\n\n\ndef start():\n    prepare_settings()\n" + check()},
        "m:start",
    ),
    # AR4-9: the check nested in a try, after the loader in the same try
    "nested_in_try": (
        {"m.py": HEAD + f"def _boot():\n    {PIN}\n\n\ndef start():\n    try:\n        _boot()\n" + check("        ") + "    except OSError:\n        pass\n"},
        "m:start",
    ),
    # AR4-10: the package above the imported module loads the environment
    "package_init": (
        {"conf/__init__.py": f"import os\n\n{PIN}\n", "conf/settings.py": "FEEDS = ['X']\n",
         "m.py": HEAD + "def start():\n    import conf.settings  # noqa: F401\n" + check()},
        "m:start",
    ),
    # AR4-10: a class body of an imported module runs at import
    "class_body": (
        {"boot.py": f"import os\n\n\nclass Config:\n    {PIN}\n", "m.py": HEAD + "def start():\n    import boot  # noqa: F401\n" + check()},
        "m:start",
    ),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_code_jumped_over_that_may_set_the_mode_is_refused(tmp_path: Path, name: str) -> None:
    files, entry = REFUSED[name]
    applied = apply_and_run(tmp_path, files, entry)
    assert applied.exit_code == 1 and "needs a person" in applied.output, applied.output
    assert not applied.changed
    assert applied.legacy_runs_changed() == []
    # the refusal matters: with the variable unset, the project's own code set legacy and the body ran
    assert "legacy body" in str(applied.before[None]), applied.before


OWN = {
    "constant_key": 'MODE_VAR = "THOR_SCHEDULER_MODE"\n\n\ndef start():\n    os.environ.setdefault(MODE_VAR, "legacy")\n',
    "mapping_update": 'DEFAULTS = {"THOR_SCHEDULER_MODE": "legacy"}\n\n\ndef start():\n    os.environ.update(DEFAULTS)\n',
    "ior": 'DEFAULTS = {"THOR_SCHEDULER_MODE": "legacy"}\n\n\ndef start():\n    os.environ |= DEFAULTS\n',
    "putenv_nested": 'KEY = "THOR_SCHEDULER_MODE"\n\n\ndef start():\n    if True:\n        os.environ[KEY] = "legacy"\n',
}


@pytest.mark.parametrize("name", sorted(OWN))
def test_an_own_write_not_proven_of_another_variable_refuses_the_insert(tmp_path: Path, name: str) -> None:
    """Review AR4-6: the own-default refusal sees the variable however the key is spelt."""
    applied = apply_and_run(tmp_path, {"m.py": HEAD + OWN[name] + '    builtins.SIDE("legacy body")\n'})
    assert applied.exit_code == 1 and "TG001 needs a person: the function" in applied.output, applied.output
    assert not applied.changed


def test_a_constant_of_another_variable_is_proven_and_fixed(tmp_path: Path) -> None:
    source = HEAD + 'SETTINGS = "DJANGO_SETTINGS_MODULE"\n\n\ndef start():\n    os.environ.setdefault(SETTINGS, "site")\n    builtins.SIDE("legacy body")\n'
    applied = apply_and_run(tmp_path, {"m.py": source})
    assert applied.exit_code == 0, applied.output
    assert applied.changed and applied.legacy_runs_changed() == [] and applied.heartbeat_side_effects() == []


def test_a_resolved_harmless_base_method_is_still_moved_over(tmp_path: Path) -> None:
    files = {"m.py": HEAD + 'class Base:\n    def prepare(self):\n        builtins.SIDE("prep")\n\n\nclass Worker(Base):\n    def start(self):\n'
             "        self.prepare()\n" + check("        ")}
    applied = apply_and_run(tmp_path, files, "m:Worker.start")
    assert applied.exit_code == 0, applied.output
    assert "moved the guard to the top (above 'self.prepare()') (m:Worker.start)" in applied.output, applied.output
    assert applied.legacy_runs_changed() == [] and applied.heartbeat_side_effects() == []
