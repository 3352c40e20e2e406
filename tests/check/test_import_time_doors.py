"""Unit tests of the import-walk store recognisers (``import_time._object_patches`` / ``patch_target``).

Each spelling below writes (or only reads) an object a guard depends on; the census must give the patch
target that makes the guard's read unproven (see docs/check.md, "Patches from modules imported with this
one"). The verdict-level and execution-level checks of the same doors are
``tests/data/check/walk_patch_spellings`` and ``tests/check/test_walk_patch_differential.py``.
"""

from __future__ import annotations

import pytest

from thor_guard.verifier.bindings import census, import_edges
from thor_guard.verifier.import_time import LOGGING_CONFIGURATION, is_stdlib_module, patch_target
from thor_guard.verifier.reach import REQUIRES_TARGET_PREFIX

ENV_ANY = "os.environ[*]"


def _targets(source: str, module: str = "w") -> set[str]:
    edges = import_edges(source, module)
    assert edges.patches == tuple(census(source, module).patches)  # the walk's pass agrees with the census
    # `?requires:modes` is a module the walk must find (verifier.loads), not a write: settled by the walk, not here.
    return {target for target, _, _ in edges.patches if not target.startswith(REQUIRES_TARGET_PREFIX)}


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # R5-7: the builtins namespace
        ('__builtins__["len"] = f', "builtins"),
        ("__builtins__.update(len=f)", "builtins"),
        ('import builtins\nvars(builtins)["len"] = f', "builtins"),
        ("import builtins\nbuiltins.__dict__.update(len=f)", "builtins"),
        ('import os\nos.__builtins__["len"] = f', "builtins"),
        ('import os\ngetattr(os, "__builtins__")["len"] = f', "builtins"),
        ('import builtins\n_b = builtins.__dict__\n_b["len"] = f', "builtins"),
        ('import sys\nsys.modules["builtins"].len = f', "builtins.len"),
        ('import builtins\ndel vars(builtins)["len"]', "builtins"),
        # R5-8: a module reached through a run-time look-up
        ('import sys\nsetattr(sys.modules["m"], "os", X)', "m.os"),
        ('import sys\nvars(sys.modules["m"])["os"] = X', "m"),
        ('import sys\nsys.modules["m"].__dict__.update(os=X)', "m"),
        ('import importlib\nimportlib.import_module("m").os = X', "m.os"),
        ('from importlib import import_module\nimport_module("pkg.m").os = X', "pkg.m.os"),
        ('__import__("pkg.m").m = X', "pkg.m"),
        ('import sys\nsys.modules.get("m").os = X', "m.os"),
        ('import sys\nobject.__setattr__(sys.modules["m"], "os", X)', "m.os"),
        ('import sys\nsetattr(sys.modules[name], "os", X)', "*"),
        ('import m\nsetattr(m, name, X)', "m"),
        ('import m\ngetattr(m, name).x = X', "m"),
        ('from m import __dict__ as ns\nns["os"] = X', "m"),
        ('from . import feed\nvars(feed)["start"] = w', ".feed"),
        ("from .. import feed\nfeed.__dict__.update(start=w)", "..feed"),
        ('from .pkg import feed\nobject.__setattr__(feed, "start", w)', ".pkg.feed.start"),
        # R5-9: another module's class
        ('from modes import Mode\nMode.HEARTBEAT = "x"', "modes.Mode.HEARTBEAT"),
        ('import modes\nsetattr(modes.Mode, "VARIABLE", "x")', "modes.Mode.VARIABLE"),
        ('from modes import Mode\ntype.__setattr__(Mode, "HEARTBEAT", "x")', "modes.Mode.HEARTBEAT"),
        ("import modes\nmodes.Mode.__dict__ = {}", "modes.Mode"),
        # R5-13: the logging machinery
        ("import logging\nlogging.setLoggerClass(L)", LOGGING_CONFIGURATION),
        ("from logging import setLogRecordFactory\nsetLogRecordFactory(f)", LOGGING_CONFIGURATION),
        ("import logging\nlogging.Logger.manager.setLoggerClass(L)", LOGGING_CONFIGURATION),
        ("import logging\nlogging.getLogger().addHandler(H())", LOGGING_CONFIGURATION),
        ("import logging\nlog = logging.getLogger(__name__)\nlog.addFilter(f)", LOGGING_CONFIGURATION),
        ("import logging\nlogging.basicConfig(handlers=[H()])", LOGGING_CONFIGURATION),
        ("import logging.config\nlogging.config.dictConfig(CONFIG)", LOGGING_CONFIGURATION),
        ("import logging\nlogging.root.handlers[:] = [H()]", LOGGING_CONFIGURATION),
        ("import logging\nhs = logging.getLogger().handlers\nhs.append(H())", LOGGING_CONFIGURATION),
        ("import logging\nlogging.Logger.debug = f", "logging"),
        ("from logging import Logger\nLogger.info = f", "logging"),
        ("import logging\nlogging.getLogger = f", "logging"),
        # R5-14: standard-library classes and modules
        ("import os\nos._Environ.get = f", "*"),
        ("from collections.abc import Mapping\nMapping.get = f", "*"),
        ("import collections.abc\ncollections.abc.Mapping.get = f", "*"),
        ("import typing\ntyping.Mapping.get = f", "*"),
        ("import os\ntype(os.environ).get = f", "*"),
        ('import os\nsetattr(type(os.environ), "get", f)', "*"),
        ("import os\nos.environ.__class__.get = f", "*"),
        ("import os\nos.environ = E", "os"),
        ("import os.path\nos.path.exists = f", "os.path"),
        # R5-2: the environment through other doors
        ('import os\nfrom collections.abc import MutableMapping\nMutableMapping.setdefault(os.environ, "V", "x")', ENV_ANY),
        ('import os\nos.environ._data[b"V"] = b"x"', ENV_ANY),
        ('import os\nos.environ.__dict__["_data"] = {}', ENV_ANY),
        ("import os\nput = os.environ.setdefault", ENV_ANY),
        ("import os\nconfigure(os.environ)", ENV_ANY),
        ("from os import environ\nconfigure(env=environ)", ENV_ANY),
        # R5-19: the import system through other doors
        ('import sys\nlist.insert(sys.path, 0, "vendor")', "sys.path"),
        ("import sys\nlist.append(sys.meta_path, F)", "sys.path"),
        ("import sys\nvendor(sys.path)", "sys.path"),
        ("import sys\nsys.path_hooks.__iadd__([h])", "sys.path"),
        ('import sys\nsys.modules["m"] = X', "m"),
        ("import sys\nsys.modules[__name__] = X", "__name__"),
        ("import sys\nsys.modules[name] = X", "*"),
        ("import os\nrun(cmd, env=os.environ)", ENV_ANY),
        ("import sys\nsys.modules.update(mods)", "*"),
        ("import sys\nconfigure(sys.modules)", "*"),
    ],
)
def test_a_write_through_another_door_is_a_patch(source: str, target: str) -> None:
    assert target in _targets(source)


def test_writes_in_a_function_body_run_only_when_called() -> None:
    source = 'import builtins\nimport os\ndef later():\n    builtins.__dict__.update(len=f)\n    configure(os.environ)\n'
    assert _targets(source) == set()


def test_a_function_of_the_module_called_at_import_time_is_followed() -> None:
    source = "import os\ndef _setup():\n    configure(os.environ)\n_setup()\n"
    assert ENV_ANY in _targets(source)


@pytest.mark.parametrize(
    "source",
    [
        "import builtins\nn = len(vars(builtins))",
        'import builtins\nx = builtins.__dict__.get("len")',
        'if "len" in __builtins__:\n    b = __builtins__["len"]',
        "import os\nkeys = sorted(os.environ)",
        'import os\nhome = os.environ.get("HOME")',
        "import os\ncopy = dict(os.environ)",
        'import os\nk = os.environ.encodekey("X")',
        "import os\nfor key in os.environ:\n    pass",
        "import os\nif os.environ:\n    pass",
        "import os\nENV = os.environ\nvalue = ENV.get('X')",
        "import os\ng = os.environ.get",
        "import sys\nfirst = sys.path[0]",
        "import sys\nn = sys.path.index('x')",
        "import sys\nfound = 'os' in sys.modules",
        "import sys\nnames = list(sys.modules.keys())",
        "import sys\nmod = sys.modules[__name__]",
        "import sys\nfor name, mod in sys.modules.items():\n    pass",
        "import modes\nvalue = modes.Mode.HEARTBEAT",
        'import modes\nvalue = getattr(modes.Mode, "HEARTBEAT")',
        "import logging\nn = len(logging.getLogger().handlers)",
        "import os\nenv = {**os.environ, 'X': '1'}",
        "import os\nrun(cmd, **os.environ)",
        "import sys\npaths = [*sys.path, 'x']",
        "import sys\npaths = sys.path + ['x']",
        "import os\ntext = f'{os.environ}'",
        "import logging.handlers\nH = logging.handlers.RotatingFileHandler",
        "import logging\nlog = logging.getLogger(__name__)\nlog.setLevel(logging.INFO)",
        "class Feed:\n    def addHandler(self, h):\n        pass\nFeed().addHandler(1)",  # no logging imported
    ],
)
def test_reads_through_the_same_doors_are_not_patches(source: str) -> None:
    assert _targets(source) == set()


def test_the_standard_library_module_test_reads_the_library_without_importing() -> None:
    assert is_stdlib_module("os") and is_stdlib_module("os.path") and is_stdlib_module("collections.abc")
    assert is_stdlib_module("logging.handlers") and is_stdlib_module("importlib.machinery")
    assert not is_stdlib_module("os._Environ") and not is_stdlib_module("collections.abc.Mapping")
    assert not is_stdlib_module("django.conf")


def test_patch_target_rules() -> None:
    assert patch_target("builtins", "len") == "builtins.len"
    assert patch_target("os", "getenv") == "os"  # os's functions read its globals
    assert patch_target("logging.handlers", "X") == "logging"
    assert patch_target("collections.abc.Mapping", "get") == "*"
    assert patch_target("pkg.feed", "start") == "pkg.feed.start"
    assert patch_target("pkg.feed", "__class__") == "pkg.feed"
    assert patch_target("pkg.feed", None) == "pkg.feed"
    assert patch_target("pkg.feed.*", "x") == "pkg.feed"
    assert patch_target("*", "x") == "*"
    assert patch_target("pkg.obj.__class__", "x") == "pkg.obj"
    assert patch_target("os.environ.__class__", "get") == "*"


# -- property: every (object spelling × door × block) combination is a patch of m; its read counterpart is not ----

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_OBJECTS = [
    ("import sys\n", 'sys.modules["m"]'),
    ("import sys\n", 'sys.modules.get("m")'),
    ("import importlib\n", 'importlib.import_module("m")'),
    ("from importlib import import_module\n", 'import_module("m")'),
    ("", '__import__("m")'),
    ("import m\n", "m"),
    ("import m as _alias\n", "_alias"),
    ("import sys\n_mod = sys.modules['m']\n", "_mod"),
]
_DOORS = [
    "{o}.os = X",
    'setattr({o}, "os", X)',
    'object.__setattr__({o}, "os", X)',
    'vars({o})["os"] = X',
    "vars({o}).update(os=X)",
    "{o}.__dict__.update(os=X)",
    '{o}.__dict__["os"] = X',
    'getattr({o}, "__dict__")["os"] = X',
    'del {o}.__dict__["os"]',
    "{o}.__dict__.setdefault('os', X)",
]
_READS = ["x = {o}.os", 'x = getattr({o}, "os")', 'x = vars({o}).get("os")', 'x = "os" in {o}.__dict__', "n = len(vars({o}))"]
_BLOCKS = [
    "{s}\n",
    "if flag:\n    {s}\n",
    "try:\n    {s}\nexcept Exception:\n    pass\n",
    "with ctx:\n    {s}\n",
    "for _ in range(1):\n    {s}\n",
    "class C:\n    {s}\n",
    "def _setup():\n    {s}\n_setup()\n",
]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(_OBJECTS), st.sampled_from(_DOORS), st.sampled_from(_BLOCKS))
def test_every_door_on_every_spelling_of_a_module_is_a_patch(obj: tuple[str, str], door: str, block: str) -> None:
    imports, spelling = obj
    source = imports + block.format(s=door.format(o=spelling))
    assert _targets(source) & {"m", "m.os"}, source


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(_OBJECTS), st.sampled_from(_READS), st.sampled_from(_BLOCKS))
def test_reads_through_every_spelling_are_not_patches(obj: tuple[str, str], read: str, block: str) -> None:
    imports, spelling = obj
    source = imports + block.format(s=read.format(o=spelling))
    assert _targets(source) == set(), source
