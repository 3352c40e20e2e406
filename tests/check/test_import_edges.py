"""The import walk's cheap pass (:func:`import_edges`) gives exactly the census's ``imports`` and ``patches``.

The walk that finds import-time patches (``os.environ = X`` in any module
imported with the analysed one) reads hundreds of modules per entry point and
uses this pass instead of the full census, which skips function bodies and
hazards. Any difference would change a verdict, so the two are compared on
real code (the standard library, every verifier data case) and on generated
modules that put the stores and module look-ups where the pruning matters:
at module level, in class bodies, in function bodies, decorators, defaults
and lambdas.
"""

from __future__ import annotations

import ast
import sysconfig
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thor_guard.verifier.bindings import _census, _may_look_up_module, import_edges

DATA = Path(__file__).resolve().parents[1] / "data" / "check"
STDLIB = Path(sysconfig.get_paths()["stdlib"])
# Modules that look modules up at run time, patch other modules or import a lot: the cases the pruning must not miss.
STDLIB_SAMPLE = (
    "importlib/__init__.py", "importlib/util.py", "pkgutil.py", "unittest/mock.py", "warnings.py", "inspect.py",
    "typing.py", "pickle.py", "doctest.py", "logging/__init__.py", "logging/config.py", "os.py", "site.py",
    "runpy.py", "threading.py", "subprocess.py", "functools.py", "enum.py", "dataclasses.py", "test/support/__init__.py",
    "test/support/import_helper.py", "zipimport.py", "concurrent/futures/__init__.py", "multiprocessing/context.py",
)


def _both(source: bytes | str, module: str | None) -> tuple[object, object]:
    full = _census(source, module)
    edges = _census(source, module, edges_only=True)
    return (full.imports, full.patches), (edges.imports, edges.patches)


@pytest.mark.parametrize("relative", STDLIB_SAMPLE)
def test_standard_library_modules(relative: str) -> None:
    path = STDLIB / relative
    if not path.is_file():
        pytest.skip(f"{relative} is not in this Python's standard library")
    module = ".".join(Path(relative).with_suffix("").parts).removesuffix(".__init__")
    full, edges = _both(path.read_bytes(), module)
    assert edges == full


def test_every_data_case() -> None:
    checked = 0
    for path in sorted(DATA.rglob("*.py")):
        module = ".".join(path.relative_to(DATA).with_suffix("").parts)
        full, edges = _both(path.read_bytes(), module)
        assert edges == full, path
        checked += 1
    assert checked > 50


def test_public_function_reuses_a_census_and_matches_it() -> None:
    source = b"import os\nimport sys\nos.environ = {}\ndef f():\n    sys.path = []\n"
    got = import_edges(source, "m")
    assert got.imports == ("os", "sys")
    # The store's own target, and the whole standard-library module (its functions read its globals: os.getenv
    # reads os.environ), see import_time.patch_target.
    assert got.patches == (("os.environ", 3, "os.environ = {}"), ("os", 3, "os.environ = {}"))


def test_a_module_looked_up_in_a_function_body_still_makes_a_module_level_store_a_patch() -> None:
    # The one fact a function body contributes: `m` holds a module, so `m.x = 1` at module level patches it.
    source = "import sys\ndef f():\n    m = sys.modules[__name__]\nm = object()\nm.x = 1\n"
    full, edges = _both(source, "pkg.m")
    assert edges == full
    assert [target for target, _, _ in full[1]] == ["*"]  # a module the census cannot name: any module


def test_the_text_filter_is_conservative() -> None:
    assert not _may_look_up_module(b"import os\nos.environ = {}\n")
    assert _may_look_up_module(b"import sys\nm = sys.modules['x']\n")
    assert _may_look_up_module(b"m = __import__('os')\n")
    assert _may_look_up_module("m = sys.\uff4dodules['x']\n")  # NFKC spelling of `modules`
    assert _may_look_up_module(b"# -*- coding: utf-7 -*-\nx = 1\n")


# --- generated modules -----------------------------------------------------------------------------------------

_LOOKUPS = (
    "sys.modules[__name__]", "sys.modules['os']", "sys.modules.get('os')", "importlib.import_module('os')",
    "__import__('os')", "import_module(name)", "object()", "os",
)
_STORES = (
    "os.environ = {}", "o.getenv = None", "m.x = 1", "del os.environ", "os.path.sep += '/'", "setattr(os, 'getenv', f)",
    "setattr(m, name, 1)", "delattr(os, 'environ')", "sys.modules[__name__].x = 1", "importlib.import_module('os').y = 2",
    "(a, os.sep) = (1, 2)", "for os.name in ():\n    pass", "with ctx() as m.z:\n    pass", "logger.debug = f",
    "C.start = None", "f.__code__ = g", "type(os.environ).get = f", "vars(os)['x'] = 1", "os.__setattr__('x', 1)",
)
_IMPORTS = ("import os", "import os as o", "import sys", "import importlib", "from importlib import import_module",
            "from . import util", "from .pkg import mod as m", "import os.path", "o = os", "logger = logging.getLogger(1)")


@st.composite
def _module(draw: st.DrawFn) -> str:
    lines = list(draw(st.lists(st.sampled_from(_IMPORTS), max_size=4)))
    for _ in range(draw(st.integers(1, 6))):
        statement = draw(st.sampled_from(_STORES + tuple(f"{n} = {v}" for n in ("m", "o", "e") for v in _LOOKUPS)))
        indented = "\n".join("    " + line for line in statement.splitlines())
        place = draw(st.sampled_from(("module", "def", "class", "method", "if", "decorator", "default", "lambda", "nested")))
        if place == "module":
            lines.append(statement)
        elif place == "def":
            lines.append(f"def f():\n{indented}")
        elif place == "class":
            lines.append(f"class C:\n{indented}")
        elif place == "method":
            lines.append("class D:\n    def g(self):\n" + "\n".join("    " + line for line in indented.splitlines()))
        elif place == "if":
            lines.append(f"if cond:\n{indented}")
        elif place == "decorator":
            lines.append(f"@deco({draw(st.sampled_from(_LOOKUPS))})\ndef h():\n    pass")
        elif place == "default":
            lines.append(f"def k(x=setattr(os, 'getenv', None), y={draw(st.sampled_from(_LOOKUPS))}):\n    pass")
        elif place == "lambda":
            lines.append(f"q = lambda: setattr(os, 'environ', {draw(st.sampled_from(_LOOKUPS))})")
        else:
            lines.append("def outer():\n    def inner():\n" + "\n".join("    " + line for line in indented.splitlines()))
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_module(), st.sampled_from(("m", "pkg.m", "pkg", None)))
def test_generated_modules(source: str, module: str | None) -> None:
    ast.parse(source)  # the generator makes valid modules only
    full, edges = _both(source, module)
    assert edges == full
