"""The metadata skeleton must not change what the verifier and the codemod see.

Checked on the example project, every data case and a deterministic sample
of Django's own modules: the same functions with the same qualnames as the
verifier's ``iter_functions``, the same line numbers as libcst's positions,
and the same verdict for every function on the skeleton as on the full module.
"""

from __future__ import annotations

import re
from pathlib import Path

import django
import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from thor_guard.verifier.skeleton import def_positions, skeleton, walk_functions
from tests.apply.cases import DATA
from thor_guard.config import build_config
from thor_guard.verifier import VerifierContext, iter_functions, verify_function

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "legacy_thor"
DJANGO = Path(django.__file__).resolve().parent


def _sample() -> list[Path]:
    files = sorted(p for p in EXAMPLE.rglob("*.py") if "__pycache__" not in p.parts)
    files += sorted(p for p in DATA.glob("*.py") if not p.name.endswith(".expected.py"))
    django_files = [p for p in sorted(DJANGO.rglob("*.py")) if re.search(rb"def (start|close|process_)", p.read_bytes())]
    return files + django_files[::8][:8]


FILES = _sample()


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_skeleton_preserves_functions_positions_and_verdicts(path: Path) -> None:
    data = path.read_bytes()
    module = cst.parse_module(data)
    ours = walk_functions(module)
    theirs = list(iter_functions(module))
    assert [(q, id(f)) for q, f in ours] == [(q, id(f)) for q, f in theirs]

    full = MetadataWrapper(module, unsafe_skip_copy=True)
    positions = full.resolve(PositionProvider)
    expected = [(positions[f.name].start.line, positions[f.name].start.column + 1) for _, f in ours]
    assert [line for line, _ in def_positions(data)] == [line for line, _ in expected]

    config = build_config({"preset": "none", "stale-flags": ["HEARTBEAT_ENABLED"]}, root=path.parent)
    context = VerifierContext.from_config(config, module=f"sample.{path.stem}", path=path)
    # Keep every third function: the others are stubbed, as they would be when they are not targets.
    keep = {id(f) for q, f in ours[::3]}
    outline = MetadataWrapper(skeleton(module, keep), unsafe_skip_copy=True)
    for qualname, function in ours:
        if id(function) not in keep:
            continue
        on_full = verify_function(full, function, qualname, context)
        on_outline = verify_function(outline, function, qualname, context)
        assert (on_outline.codes, on_outline.guard_index, on_outline.env_var_read) == (
            on_full.codes,
            on_full.guard_index,
            on_full.env_var_read,
        ), qualname


def test_helper_modules_through_a_skeleton_give_the_same_verdicts() -> None:
    from thor_guard.verifier.skeleton import helper_outline
    from thor_guard.config import load_config
    from thor_guard.verifier import HelperResolver

    config = load_config([EXAMPLE])
    helpers = frozenset(f"{t.module}.{t.qualname}" for t in config.guard_helpers)
    whole = HelperResolver(tuple(config.source_roots), helpers)
    outlined = HelperResolver(tuple(config.source_roots), helpers, outline=helper_outline)
    compared = 0
    for path in sorted((EXAMPLE / "ThorTrading").rglob("*.py")):
        module = ".".join(path.relative_to(EXAMPLE).with_suffix("").parts).removesuffix(".__init__")
        wrapper = MetadataWrapper(cst.parse_module(path.read_bytes()), unsafe_skip_copy=True)
        for qualname, function in iter_functions(wrapper.module):
            verdicts = [
                verify_function(wrapper, function, qualname, VerifierContext.from_config(config, module=module, path=path, resolver=r))
                for r in (whole, outlined)
            ]
            assert (verdicts[0].codes, verdicts[0].guard_index) == (verdicts[1].codes, verdicts[1].guard_index), qualname
            compared += 1
    assert compared > 50
    assert outlined.parsed_files, "the example's guards call helpers in other modules"
