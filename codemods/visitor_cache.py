"""Collect a libcst metadata provider's visitor methods once per class, not once per resolution.

Every metadata resolution (``MetadataWrapper.resolve``/``resolve_many``)
builds fresh provider instances and asks each for its ``visit_*``/``leave_*``
methods with :meth:`libcst.BatchableCSTVisitor.get_visitors`, which runs
``inspect.getmembers`` over the instance: about a thousand attributes,
every time. The codemod resolves metadata on two skeletons per file (the plan
and the re-check of the rewrite), five batched passes in all, so on a
1,000-file tree this lookup alone was about 7 % of a run.

Which methods a provider has depends only on its class, so the names are
collected once per class and bound to each new instance with ``getattr`` -
the same bound methods ``inspect.getmembers`` returns, in the same (sorted)
order. Only libcst's own metadata providers are cached (their classes are
fixed and set no instance attributes named ``visit_*``/``leave_*``); every
other visitor keeps libcst's behaviour.

:func:`install` is idempotent and is called when :mod:`codemods.scheduler_guard`
is imported, so ``thor-guard apply``, ``check``, ``audit`` and libcst's own
runner all get it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from libcst import BatchableCSTVisitor

_NAMES: dict[type, tuple[str, ...]] = {}
_ORIGINAL: Callable[[BatchableCSTVisitor], Mapping[str, Any]] | None = None


def _cacheable(cls: type) -> bool:
    """libcst's own metadata providers (``libcst.metadata.*``), whose visitor methods are fixed by their class."""
    return cls.__module__.startswith("libcst.metadata.")


def _get_visitors(self: BatchableCSTVisitor) -> Mapping[str, Any]:
    """``BatchableCSTVisitor.get_visitors`` with the method names remembered per provider class."""
    assert _ORIGINAL is not None
    cls = type(self)
    if not _cacheable(cls):
        return _ORIGINAL(self)
    names = _NAMES.get(cls)
    if names is None:
        names = tuple(_ORIGINAL(self))  # the names libcst itself finds (dict order = getmembers' sorted order)
        _NAMES[cls] = names
    return {name: getattr(self, name) for name in names}


def install() -> None:
    """Replace ``BatchableCSTVisitor.get_visitors`` by the per-class cache (once per process)."""
    global _ORIGINAL
    if _ORIGINAL is not None:
        return
    _ORIGINAL = BatchableCSTVisitor.get_visitors
    BatchableCSTVisitor.get_visitors = _get_visitors  # type: ignore[method-assign]
