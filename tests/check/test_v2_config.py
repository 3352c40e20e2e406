"""The verifier's configuration keys: `strict` and `transparent-decorators` (validated, with did-you-mean)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper

from thor_guard.config import build_config
from thor_guard.errors import ConfigError
from thor_guard.verifier import VerifierContext, iter_functions, verify_function

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"strict": "yes"}, "'strict' must be true or false, got 'yes'"),
        ({"transparent-decorators": "pkg.deco"}, "'transparent-decorators' must be a list of strings"),
        ({"transparent-decorators": ["pkg.deco()"]}, "is not a dotted name"),
        ({"transparent-decorator": ["pkg.deco"]}, "did you mean 'transparent-decorators'"),
        ({"strik": True}, "did you mean 'strict'"),
    ],
)
def test_bad_values_are_one_clear_error(table: dict, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        build_config({"preset": "none", **table}, root=ROOT)
    assert message in str(info.value)


def test_keys_reach_the_verifier_context() -> None:
    config = build_config({"preset": "none", "strict": True, "transparent-decorators": ["pkg.tracing:traced"]}, root=ROOT)
    context = VerifierContext.from_config(config, module="m", path=None)
    assert context.strict is True and context.transparent_decorators == ("pkg.tracing.traced",)


SOURCE = textwrap.dedent(
    """
    import logging
    import os
    import threading

    logger = logging.getLogger(__name__)

    class Feed:
        def start(self):
            if self.disabled:
                return
            if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
                return
            threading.Thread(target=print).start()
    """
)


def test_strict_mode_drops_the_attribute_assumption() -> None:
    wrapper = MetadataWrapper(cst.parse_module(SOURCE))
    (qualname, function), = iter_functions(wrapper.module)
    assert verify_function(wrapper, function, qualname, VerifierContext(module="m")).guarded
    strict = verify_function(wrapper, function, qualname, VerifierContext(module="m", strict=True))
    assert strict.codes == {"TG002"} and "self.disabled" in strict.hits[0].message
