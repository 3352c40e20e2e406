"""The process pool: used when there is enough work, and its results are exactly the in-process ones."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import (
    ExpressionContextProvider,
    ParentNodeProvider,
    PositionProvider,
    QualifiedNameProvider,
    ScopeProvider,
)

from thor_guard.apply import POOL_MIN_BYTES, POOL_THRESHOLD, run_apply
from thor_guard.config import load_config

SERVICE = '''import threading


class Service{n}:
    def start(self):
        """Start the worker."""
        self._thread = threading.Thread(target=self.run)
        self._thread.start()

    def stop(self):
        self._thread = None

'''
FILLER = '''
def helper_{n}_{i}(values):
    total = 0
    for value in values:
        if value % 3 == 0:
            total += value * {i}
        else:
            total -= value
    return total
'''


def _project(root: Path, files: int, fillers: int) -> Path:
    (root / "pyproject.toml").write_text('[tool.thor-guard]\npreset = "none"\nentry-points = ["svc.*:Service*.start"]\n')
    (root / "svc").mkdir()
    (root / "svc" / "__init__.py").write_text("")
    for n in range(files):
        text = SERVICE.format(n=n) + "".join(FILLER.format(n=n, i=i) for i in range(fillers))
        (root / "svc" / f"m{n}.py").write_text(text)
    return root


@pytest.mark.slow
def test_pooled_results_equal_in_process_results(tmp_path: Path) -> None:
    files = POOL_THRESHOLD + 1
    root = _project(tmp_path, files, fillers=POOL_MIN_BYTES // (files * len(FILLER)) + 20)
    assert sum(p.stat().st_size for p in (root / "svc").glob("m*.py")) >= POOL_MIN_BYTES  # the pool is really used
    config = load_config([root])
    pooled = run_apply(config, [root], jobs=2, write=False)
    serial = run_apply(config, [root], jobs=1, write=False)
    assert pooled == serial
    assert len(pooled.fixed) == files and all(r.changed for r in pooled.files)


def test_small_work_gives_the_same_result_with_any_jobs(tmp_path: Path) -> None:
    root = _project(tmp_path, POOL_THRESHOLD + 1, fillers=1)
    config = load_config([root])
    assert run_apply(config, [root], jobs=2, write=False) == run_apply(config, [root], jobs=1, write=False)


def test_cached_visitor_methods_are_libcst_s_own() -> None:
    """codemods.visitor_cache: per-class names, bound per instance, the same mapping inspect.getmembers gives."""
    import codemods.scheduler_guard  # noqa: F401 - installs the cache
    from codemods import visitor_cache

    assert visitor_cache._ORIGINAL is not None
    for provider in (ScopeProvider, QualifiedNameProvider, ExpressionContextProvider, ParentNodeProvider, PositionProvider):
        if not isinstance(provider(), cst.BatchableCSTVisitor):
            continue
        for instance in (provider(), provider()):
            cached = instance.get_visitors()
            assert cached == visitor_cache._ORIGINAL(instance)
            assert all(method.__self__ is instance for method in cached.values())

    class Own(cst.BatchableCSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            pass

    own = Own()
    own.visit_Call = lambda node: None  # type: ignore[attr-defined, method-assign] - an instance attribute: not libcst's, not cached
    assert set(own.get_visitors()) == set(visitor_cache._ORIGINAL(own))
