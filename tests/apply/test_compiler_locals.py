"""Names a function binds by any form are locals: the inserted guard never reads them (review RA-1).

``case (os, *rest)``, ``case {**log}``, ``del os``, ``[os := x for x in xs]``... make ``os`` (or the
logger's name) a local of the whole function, which libcst's scope analysis does not record. Each form is
applied to a module whose ``os``, logger and ``logging`` are all bound at module level; the rewritten
module is executed next to the original in a subprocess (``behaviour_harness.py``): legacy behaviour must
be identical, the heartbeat world must reach no side effect, and the guard must not read the local.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import libcst as cst
import pytest

from codemods.bindings import Unresolvable
from codemods.compiler_locals import compiler_bindings
from thor_guard.apply import transform_source
from thor_guard.config import build_config

HARNESS = Path(__file__).with_name("behaviour_harness.py")
SENTINEL = "LOG = []\n\n\ndef effect(*args):\n    LOG.append(args)\n    return args[0] if args else None\n"

# Every way a statement in a function body can make NAME one of its locals.
FORMS = {
    "match_capture": "match a:\n    case NAME:\n        effect('m', NAME)\n",
    "match_star": "match [a, b]:\n    case [_, *NAME]:\n        effect('m', NAME)\n",
    "match_rest": "match {'k': a, 'z': b}:\n    case {'k': _, **NAME}:\n        effect('m', NAME)\n",
    "match_class_keyword": "match a:\n    case int(real=NAME):\n        effect('m', NAME)\n",
    "match_as": "match b:\n    case (1 | 2) as NAME:\n        effect('m', NAME)\n",
    "match_nested_or": "match (a, b):\n    case (1, NAME) | (NAME, 1):\n        effect('m', NAME)\n",
    "walrus_comprehension": "effect('w', [NAME := x for x in (a, b)])\n",
    "walrus_generator": "effect('w', list(NAME := x for x in (a, b)))\n",
    "del": "if b == 3:\n    NAME = 1\n    del NAME\n",
    "except_as": "try:\n    effect('t', int(str(a)))\nexcept ValueError as NAME:\n    effect('e')\n",
    "except_star_as": "try:\n    effect('t', int(str(a)))\nexcept* ValueError as NAME:\n    effect('e')\n",
    "late_import": "if b == 3:\n    import json as NAME\n",
    "late_import_plain": "if b == 3:\n    import NAME\n",
    "for_target": "for NAME in (a,):\n    effect('f', NAME)\n",
    "with_as": "with contextlib.nullcontext(a) as NAME:\n    effect('c', NAME)\n",
    "nested_def": "def NAME():\n    return 1\n",
    "nested_class": "class NAME:\n    pass\n",
    "augmented": "if b == 3:\n    NAME += 1\n",
    "annotated": "if b == 3:\n    NAME: int = 1\n",
    "default_walrus": "def inner(x=(NAME := a)):\n    return x\neffect('d', inner())\n",
}
NAMES = ("os", "logger", "logging")
HEADER = "import contextlib\nimport logging\nimport os\n\nfrom sentinel import effect\n\nlogger = logging.getLogger(__name__)\n\n\n"


def _module(form: str, name: str) -> str:
    statement = FORMS[form].replace("NAME", name)
    if form == "late_import_plain" and name != "os" and name != "logging":
        statement = statement.replace(f"import {name}", f"import json as {name}")
    # 'return b' only when b is not 1: the function can also end without a value, so a bare 'return' keeps
    # its contract (a function whose every return gives a value is left for a person, review RA-6)
    body = "effect('work', a, b)\n" + statement + "if b != 1:\n    return b\n"
    return HEADER + "def start(self, a, b=1):\n" + "".join("    " + line for line in body.splitlines(keepends=True))


def _guard_lines(updated: bytes) -> list[str]:
    lines = updated.decode().splitlines()
    start = lines.index("def start(self, a, b=1):")
    return [line for line in lines[start + 1 : start + 5]]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("form", sorted(FORMS))
def test_compiler_sees_the_binding(form: str, name: str) -> None:
    module = cst.parse_module(_module(form, name))
    function = next(s for s in module.body if isinstance(s, cst.FunctionDef))
    bound = compiler_bindings(function, module)
    assert name in bound


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("form", sorted(FORMS))
def test_guard_does_not_read_a_local_and_legacy_is_unchanged(tmp_path: Path, form: str, name: str) -> None:
    source = _module(form, name).encode()
    compile(source, "generated", "exec", dont_inherit=True)
    config = build_config({"preset": "none", "entry-points": ["generated:start"]}, root=Path("/generated"))
    result = transform_source(Path("/generated/generated.py"), "generated", source, config, None)
    assert result.error is None, result.error
    assert [f.action for f in result.functions] == ["fixed"], result.functions
    again = transform_source(Path("/generated/generated.py"), "generated", result.updated, config, None)
    assert again.updated == result.updated and not [f for f in again.functions if f.action == "fixed"], "idempotent"
    guard = "\n".join(_guard_lines(result.updated))
    # the guard's reads: `<os>.environ.get(...)` and `<logger>.debug(...)`
    assert f" {name}." not in guard and f"({name}." not in guard, guard
    (tmp_path / "sentinel.py").write_text(SENTINEL)
    (tmp_path / "before.py").write_bytes(source)
    (tmp_path / "after.py").write_bytes(result.updated)
    done = subprocess.run([sys.executable, str(HARNESS), str(tmp_path), "7", "6"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    observed = json.loads(done.stdout)
    for before, after in observed["legacy"]:
        assert after == before, result.updated.decode()
        assert after[1][0] == "returned", after  # the original never raises: neither may the fixed one
    for log, outcome in observed["heartbeat"]:
        assert log == [] and outcome == ["returned", "None"], result.updated.decode()


def test_enclosing_function_binding_is_seen(tmp_path: Path) -> None:
    """A nested target reads its enclosing function's locals: a match there makes ``os`` unusable too."""
    source = (
        HEADER
        + "def outer(cmd):\n    def start(self, a, b=1):\n        effect('work')\n        if b != 1:\n            return b\n"
        + "    match cmd:\n        case (os, *_):\n            pass\n    return start\n"
    ).encode()
    config = build_config({"preset": "none", "entry-points": ["generated:outer.<locals>.start"]}, root=Path("/generated"))
    result = transform_source(Path("/generated/generated.py"), "generated", source, config, None)
    assert result.error is None, result.error
    assert [f.action for f in result.functions] == ["fixed"], result.functions
    assert b"_os.environ.get" in result.updated and b" os.environ" not in result.updated


def test_a_function_this_python_cannot_compile_is_refused() -> None:
    module = cst.parse_module("def start():\n    nonlocal q\n")
    function = module.body[0]
    assert isinstance(function, cst.FunctionDef)
    # a nonlocal with no enclosing binding is a compile error; the wrapper supplies one, so this compiles
    assert "q" not in compiler_bindings(function, module)
    broken = cst.parse_module("def start():\n    x = 1\n    global x\n")
    with pytest.raises(Unresolvable, match="cannot compile"):
        compiler_bindings(broken.body[0], broken)  # type: ignore[arg-type]


_NEWER = [
    path
    for path in (shutil.which(f"python3.{minor}") for minor in (12, 13, 14))
    if path is not None and subprocess.run([path, "-c", "import symtable"], capture_output=True, check=False).returncode == 0
]
_PROBE = """
import symtable, sys
source = open(sys.argv[1]).read()
start, end = source.index("def _function_table("), source.index("def compiler_bindings(")
namespace = {"symtable": symtable}
exec("from __future__ import annotations\\n" + source[start:end], namespace)
table = symtable.symtable("def start[T](item: T) -> None:\\n    match item:\\n        case (os, *rest):\\n            pass\\n", "<f>", "exec")
found = namespace["_function_table"](table, "start")
print(found.get_type(), sorted(symbol.get_name() for symbol in found.get_symbols()))
"""


@pytest.mark.skipif(not _NEWER, reason="no Python 3.12+ interpreter on PATH")
def test_a_generic_function_is_found_on_python_312_and_later() -> None:
    """Review AR2-13: on 3.12+, ``def start[T]`` sits in a type-parameter scope named like it; it is looked through."""
    module = Path(__file__).resolve().parents[2] / "codemods" / "compiler_locals.py"
    for interpreter in _NEWER:
        done = subprocess.run([interpreter, "-c", _PROBE, str(module)], capture_output=True, text=True, check=False)
        assert done.returncode == 0, (interpreter, done.stderr)
        assert done.stdout.split(" ", 1)[1].strip() == "['item', 'os', 'rest']", (interpreter, done.stdout)
        assert "function" in done.stdout.split(" ", 1)[0].lower()


@pytest.mark.skipif(sys.version_info < (3, 12), reason="PEP 695 syntax compiles natively from Python 3.12")
def test_a_generic_function_binds_its_match_captures_natively() -> None:
    module = cst.parse_module("def start[T](item: T) -> None:\n    match item:\n        case (os, *rest):\n            pass\n")
    function = module.body[0]
    assert isinstance(function, cst.FunctionDef)
    assert {"item", "os", "rest"} <= set(compiler_bindings(function, module))
