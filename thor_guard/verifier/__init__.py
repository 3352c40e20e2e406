"""The verifier: prove from the code alone that a function returns first in heartbeat mode.

Public API (used by ``check``, ``apply`` and ``audit``; keep it stable):

- :class:`VerifierContext` — env var, heartbeat/legacy values, stale flags and
  guard-helper resolution; ``VerifierContext.from_config(config, module=..., path=...)``.
- :data:`REQUIRED_METADATA` — the libcst metadata providers the verifier resolves.
- :func:`verify_function(wrapper, function, qualname, context) <verify_function>`
  -> :class:`FunctionVerdict` with rule hits, ``guard_index`` and ``env_var_read``.
- :func:`is_guarded(wrapper, function, context) <is_guarded>` — the proof alone, for many functions.
- :func:`is_context_manager(wrapper, function, context) <is_context_manager>` — a generator used as a context
  manager (``@contextmanager``, or ``start = contextmanager(_start)`` in its module): its guard must yield once.
- :func:`iter_functions(module) <iter_functions>` — ``(qualname, FunctionDef)`` pairs, ``__qualname__`` style.

``function`` must be a node of ``wrapper.module`` (MetadataWrapper copies the
module it is given, so iterate over ``wrapper.module``, not the original tree).
"""

from __future__ import annotations

from thor_guard.verifier.context import HelperResolver, VerifierContext, parse_source
from thor_guard.verifier.facts import REQUIRED_METADATA
from thor_guard.verifier.functions import iter_functions
from thor_guard.verifier.model import FunctionVerdict, RuleHit
from thor_guard.verifier.verdict import is_context_manager, is_guarded, verify_function

__all__ = [
    "REQUIRED_METADATA",
    "FunctionVerdict",
    "HelperResolver",
    "RuleHit",
    "VerifierContext",
    "is_context_manager",
    "is_guarded",
    "iter_functions",
    "parse_source",
    "verify_function",
]
