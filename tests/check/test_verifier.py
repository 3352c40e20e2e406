"""The verifier's API and name resolution: what it proves, what it refuses to assume."""

from __future__ import annotations

import textwrap
from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper

from tests.check.project import write_project
from thor_guard.config import load_config
from thor_guard.verifier import REQUIRED_METADATA, VerifierContext, is_guarded, iter_functions, verify_function
from thor_guard.verifier.model import FunctionVerdict

CANONICAL_TEST = 'os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"'


def _verdicts(source: str, context: VerifierContext | None = None) -> dict[str, FunctionVerdict]:
    wrapper = MetadataWrapper(cst.parse_module(textwrap.dedent(source)))
    context = context or VerifierContext(module="mod", stale_flags=("HEARTBEAT_ENABLED",))
    return {q: verify_function(wrapper, f, q, context) for q, f in iter_functions(wrapper.module)}


def _codes(source: str, name: str = "start", context: VerifierContext | None = None) -> set[str]:
    return set(_verdicts(source, context)[name].codes)


@pytest.mark.parametrize(
    "source",
    [
        f"import os as _os\nimport threading\ndef start():\n    if {CANONICAL_TEST.replace('os.', '_os.')}:\n        return\n    threading.Thread().start()\n",
        'from os import environ as env\ndef start():\n    if env.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n        return\n    print()\n',
        'from os import getenv\ndef start():\n    if getenv("THOR_SCHEDULER_MODE", "heartbeat").upper() == "HEARTBEAT":\n        return\n    print()\n',
        f"def start():\n    import os\n    if {CANONICAL_TEST}:\n        return\n    print()\n",
        'import os\nVAR = "THOR_SCHEDULER_MODE"\ndef start():\n    if os.getenv(VAR, "heartbeat").lower() == "heartbeat":\n        return\n    print()\n',
        'import os\nMODE = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()\ndef start():\n    if MODE == "heartbeat":\n        return\n    print()\n',
        'import os\ndef start():\n    mode = os.environ.get("THOR_SCHEDULER_MODE")\n    if mode is None or mode.lower() in {"heartbeat"}:\n        return\n    print()\n',
        'import os\ndef start():\n    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() != "heartbeat":\n        print()\n    else:\n        return\n',
    ],
    ids=["os-alias", "environ-alias", "getenv-upper", "local-import", "module-constant-name", "module-level-read", "is-none-or", "else-branch"],
)
def test_resolved_forms_are_proven(source: str) -> None:
    assert _codes(source) == set()


def test_a_parameter_named_os_is_not_trusted() -> None:
    source = f"def start(os):\n    if {CANONICAL_TEST}:\n        return\n    print()\n"
    verdict = _verdicts(source)["start"]
    # `os` is an unknown object here: no environment is read, so there is no guard at all, and `.get(...)` on an
    # object of unknown type is a call that may do anything (it is not matched by name to dict.get).
    assert verdict.codes == {"TG001"} and "os.environ.get(" in verdict.hits[0].message


def test_a_local_function_named_getenv_is_not_trusted() -> None:
    source = 'def start():\n    getenv = lambda name, default: "heartbeat"\n    if getenv("THOR_SCHEDULER_MODE", "heartbeat") == "heartbeat":\n        return\n    print()\n'
    verdict = _verdicts(source)["start"]
    assert verdict.codes == {"TG001"} and "getenv(" in verdict.hits[0].message


def test_a_reassigned_module_constant_is_not_trusted() -> None:
    source = 'import os\nMODE = "heartbeat"\ndef configure():\n    global MODE\n    MODE = "legacy"\ndef start():\n    if MODE == "heartbeat":\n        return\n    print()\n'
    assert not _verdicts(source)["start"].guarded


def test_guard_index_and_start_point_at_the_guard() -> None:
    source = '''
        import os
        def start():
            """Doc."""
            # a comment belongs to the next statement
            scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
            if scheduler_mode == "heartbeat":
                return
            print()
        def late(self):
            self.load()
            if os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
                return
            print()
        def missing():
            print()
        '''
    verdicts = _verdicts(source)
    assert (verdicts["start"].guard_start, verdicts["start"].guard_index, verdicts["start"].env_var_read) == (1, 2, "THOR_SCHEDULER_MODE")
    assert (verdicts["late"].guard_index, verdicts["late"].codes) == (1, {"TG002"})
    hit = verdicts["late"].hits[0]
    assert isinstance(hit.node, cst.Call) and "self.load()" in hit.message  # points at the side effect
    assert verdicts["missing"].guard_index is None and verdicts["missing"].env_var_read is None


def test_stale_flag_reports_the_variable_for_apply() -> None:
    source = 'import os\ndef start():\n    if os.getenv("HEARTBEAT_ENABLED", "").lower() in {"1", "true"}:\n        return\n    print()\n'
    verdict = _verdicts(source)["start"]
    assert verdict.codes == {"TG007"} and verdict.env_var_read == "HEARTBEAT_ENABLED" and verdict.guard_index == 0
    assert "stale-flags" in verdict.hits[0].message


def test_is_guarded_is_the_proof_alone() -> None:
    source = f"import os\ndef good():\n    if {CANONICAL_TEST}:\n        return\n    print()\ndef bad():  # thor-guard: ignore[TG001] -- reviewed\n    print()\n"
    wrapper = MetadataWrapper(cst.parse_module(source))
    context = VerifierContext(module="mod")
    functions = dict(iter_functions(wrapper.module))
    assert is_guarded(wrapper, functions["good"], context) is True
    assert is_guarded(wrapper, functions["bad"], context) is False
    assert verify_function(wrapper, functions["bad"], "bad", context).guarded  # suppressed for check


def test_suppression_on_a_wrapped_signature_and_its_record() -> None:
    source = "def start(  # thor-guard: ignore[TG001,TG002] -- started by hand\n    self,\n):\n    print()\n"
    verdict = _verdicts(source)["start"]
    assert verdict.hits == () and verdict.suppressed == frozenset({"TG001", "TG002"})


def test_suppression_of_another_code_keeps_the_finding() -> None:
    source = "def start():  # thor-guard: ignore[TG002] -- not this one\n    print()\n"
    assert _codes(source) == {"TG001"}


def test_iter_functions_uses_python_qualnames() -> None:
    source = '''
        import typing
        def top(): pass
        class Outer:
            class Inner:
                @staticmethod
                def start(): pass
                @classmethod
                async def stop(cls): pass
            def method(self):
                def helper():
                    class Local:
                        def run(self): pass
                return helper
        if typing.TYPE_CHECKING:
            def typed(): pass
        '''
    names = [q for q, _ in iter_functions(cst.parse_module(textwrap.dedent(source)))]
    assert names == [
        "top",
        "Outer.Inner.start",
        "Outer.Inner.stop",
        "Outer.method",
        "Outer.method.<locals>.helper",
        "Outer.method.<locals>.helper.<locals>.Local.run",
        "typed",
    ]


def test_required_metadata_works_with_a_visitor_wrapper() -> None:
    # The codemod resolves REQUIRED_METADATA through its own wrapper (CodemodContext.wrapper); same thing here.
    wrapper = MetadataWrapper(cst.parse_module(f"import os\nclass A:\n    async def start(self):\n        if {CANONICAL_TEST}:\n            return\n        print()\n"))
    wrapper.resolve_many(REQUIRED_METADATA)
    (qualname, function), = iter_functions(wrapper.module)
    assert verify_function(wrapper, function, qualname, VerifierContext(module="m")).guarded


def _project_context(tmp_path: Path, files: dict[str, str], **table: object) -> tuple[MetadataWrapper, cst.FunctionDef, VerifierContext]:
    write_project(tmp_path, files, {"preset": "none", **table})
    config = load_config([tmp_path])
    path = tmp_path / "pkg" / "feed.py"
    wrapper = MetadataWrapper(cst.parse_module(path.read_bytes()))
    function = dict(iter_functions(wrapper.module))["start"]
    return wrapper, function, VerifierContext.from_config(config, module="pkg.feed", path=path)


HELPER = 'import os\n\n\ndef active():\n    """Heartbeat mode?"""\n    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"\n'


@pytest.mark.parametrize(
    "importer",
    ["from .mode import active\n", "from pkg.mode import active\n", "from pkg import mode\nactive = None\n", "import pkg.mode\n"],
    ids=["relative", "absolute", "module-attr", "dotted"],
)
def test_helpers_in_other_project_modules(tmp_path: Path, importer: str) -> None:
    call = {"from pkg import mode\nactive = None\n": "mode.active()", "import pkg.mode\n": "pkg.mode.active()"}.get(importer, "active()")
    feed = f"{importer}\n\ndef start():\n    if {call}:\n        return\n    print()\n"
    wrapper, function, context = _project_context(tmp_path, {"pkg/feed.py": feed, "pkg/mode.py": HELPER})
    verdict = verify_function(wrapper, function, "start", context)
    assert verdict.guarded, [h.message for h in verdict.hits]


def test_helper_with_two_statements_and_parameters_is_proven(tmp_path: Path) -> None:
    helper = 'import os\n\n\ndef active(variable, default="heartbeat"):\n    mode = os.getenv(variable, default)\n    return mode.lower() == "heartbeat"\n'
    feed = "from pkg.mode import active\n\n\ndef start():\n    if active(\"THOR_SCHEDULER_MODE\"):\n        return\n    print()\n\n\ndef wrong():\n    if active(\"THOR_SCHEDULER_MODE\", \"legacy\"):\n        return\n    print()\n"
    wrapper, function, context = _project_context(tmp_path, {"pkg/feed.py": feed, "pkg/mode.py": helper})
    verdict = verify_function(wrapper, function, "start", context)
    assert verdict.guarded, [h.message for h in verdict.hits]
    wrong = dict(iter_functions(wrapper.module))["wrong"]
    assert verify_function(wrapper, wrong, "wrong", context).codes == {"TG003"}


def test_configured_helpers_are_trusted_when_they_cannot_be_analysed(tmp_path: Path) -> None:
    # Outside the source roots (an installed package) or with a body of several statements:
    # the configuration declares "returns True in heartbeat mode", so the verifier takes it at its word.
    helper = 'import os\n\n\ndef active():\n    mode = os.getenv("THOR_SCHEDULER_MODE", "heartbeat")\n    return mode.lower() == "heartbeat"\n'
    feed = "from pkg.mode import active\nfrom installed.lib import is_heartbeat\n\n\ndef start():\n    if active():\n        return\n    print()\n\n\ndef other():\n    if not is_heartbeat():\n        print()\n"
    wrapper, function, context = _project_context(
        tmp_path, {"pkg/feed.py": feed, "pkg/mode.py": helper}, **{"guard-helpers": ["pkg.mode:active", "installed.lib:is_heartbeat"]}
    )
    assert verify_function(wrapper, function, "start", context).guarded
    other = dict(iter_functions(wrapper.module))["other"]
    assert verify_function(wrapper, other, "other", context).guarded


def test_an_analysable_configured_helper_is_still_checked(tmp_path: Path) -> None:
    wrong = 'import os\n\n\ndef active():\n    return os.getenv("THOR_SCHEDULER_MODE", "heartbeat") == "heartbeat"\n'
    feed = "from pkg.mode import active\n\n\ndef start():\n    if active():\n        return\n    print()\n"
    wrapper, function, context = _project_context(tmp_path, {"pkg/feed.py": feed, "pkg/mode.py": wrong}, **{"guard-helpers": ["pkg.mode:active"]})
    assert verify_function(wrapper, function, "start", context).codes == {"TG004"}


def test_helper_called_with_arguments_is_evaluated_with_them() -> None:
    source = "import os\ndef active(default='heartbeat'):\n    return os.getenv('THOR_SCHEDULER_MODE', default).lower() == 'heartbeat'\ndef start():\n    if active():\n        return\n    print()\ndef wrong():\n    if active('legacy'):\n        return\n    print()\n"
    assert _codes(source) == set()
    assert _codes(source, "wrong") == {"TG003"}


def test_method_helpers_in_the_same_class() -> None:
    source = f'''
        import os
        class Feed:
            def _heartbeat(self) -> bool:
                """Heartbeat mode?"""
                return self._mode() == "heartbeat"
            def _mode(self):
                return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
            @staticmethod
            def _static_heartbeat():
                return {CANONICAL_TEST}
            def start(self):
                if self._heartbeat():
                    return
                print()
            @classmethod
            def start_cls(cls):
                if cls._static_heartbeat():
                    return
                print()
            def start_named(self):
                if Feed._static_heartbeat():
                    return
                print()
            def start_wrong(self):
                if self._mode() == "Heartbeat":
                    return
                print()
        '''
    verdicts = _verdicts(source)
    assert verdicts["Feed.start"].guarded and verdicts["Feed.start_cls"].guarded and verdicts["Feed.start_named"].guarded
    assert verdicts["Feed.start_wrong"].codes == {"TG006"}


def test_constants_from_other_project_modules(tmp_path: Path) -> None:
    settings = 'SCHEDULER_VAR = "THOR_SCHEDULER_MODE"\nDEFAULT_MODE = "heartbeat"\n'
    feed = (
        "import os\nfrom pkg import settings\nfrom pkg.settings import SCHEDULER_VAR\n\n\ndef start():\n"
        "    if os.getenv(SCHEDULER_VAR, settings.DEFAULT_MODE).lower() == settings.DEFAULT_MODE:\n        return\n    print()\n"
    )
    wrapper, function, context = _project_context(tmp_path, {"pkg/feed.py": feed, "pkg/settings.py": settings})
    verdict = verify_function(wrapper, function, "start", context)
    assert verdict.guarded, [h.message for h in verdict.hits]


def test_local_look_alikes_of_os_are_not_trusted() -> None:
    source = f'''
        class os:
            environ = {{"THOR_SCHEDULER_MODE": "heartbeat"}}
        def start():
            if {CANONICAL_TEST}:
                return
            print()
        '''
    assert not _verdicts(source)["start"].guarded
