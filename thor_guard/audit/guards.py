"""The bridge to the verifier: which functions on a path are guarded.

Only functions that lie on a path from a trigger to a spawn site are asked
about, and of those only the ones that *could* hold a guard: the function (or a
``return <expr>`` helper it calls in an ``if`` test, or a configured helper)
mentions the mode variable's name. That filter can only say "cannot be
guarded"; every "guarded" comes from :func:`thor_guard.verifier.is_guarded` - the
same proof ``check`` uses, on the whole module (never a slice of it: the proof
reads the class's other methods, project classes and helpers anywhere in it). Verdicts are cached by the file's content key, the
content keys of the project modules it imports (helpers live there), the
configuration and the qualname.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from thor_guard.audit.graph import CELERY_SIGNALS
from thor_guard.audit.link import Linker, Sym
from thor_guard.audit.model import PSEUDO_FUNCTIONS, FunctionFact, ModuleFacts
from thor_guard.config import Config
from thor_guard.errors import describe_source_error


@dataclass(frozen=True)
class VerifyRequest:
    module: str
    path: Path
    qualnames: frozenset[str]
    proofs: frozenset[str] = frozenset()
    """Of ``qualnames``, those whose proof text is wanted when guarded (spawn targets: TG013's ``--explain``)."""
    transparent: frozenset[str] = frozenset()
    """Registration decorators particular to this module (``@app.on_after_configure.connect`` of its Celery app)."""


def could_be_guarded(fact: FunctionFact, module: str, linker: Linker, config: Config, helpers: frozenset[str]) -> bool:
    """A necessary condition for a guard: the mode variable's name is read here or by a called helper."""
    if fact.qualname in PSEUDO_FUNCTIONS or fact.is_lambda:
        return False
    if config.env_var in fact.env_strings:
        return True
    for ref in fact.guard_calls:
        if ref.kind == "g" and ".".join((ref.head, *ref.attrs)) in helpers:
            return True
        sym = linker.resolve(ref)
        if sym is None:
            continue
        if sym.kind == "ext" and sym.module in helpers:
            return True
        if sym.kind == "unparsed":
            sym = _load_helper(linker, sym.module)
        if sym is not None and sym.kind == "func":
            if f"{sym.module}.{sym.name}" in helpers:
                return True
            index = linker.module_index(sym.module)
            helper = index.functions.get(sym.name) if index is not None else None
            if helper is not None and helper.returns_only and config.env_var in helper.env_strings:
                return True
    return False


def _load_helper(linker: Linker, dotted: str) -> Sym | None:
    parts = dotted.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        module = ".".join(parts[:cut])
        if module in linker.modules:
            if linker.module_index(module, load=True) is None:
                return None
            return linker.resolve_dotted(dotted)
    return None


def verdict_key(content_key: str, dependency_keys: Iterable[str], fingerprint: str, qualname: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in (content_key, *sorted(dependency_keys), fingerprint, qualname):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass
class VerifyOutcome:
    guarded: dict[tuple[str, str], bool]
    files: int
    functions: int
    errors: dict[Path, str]
    proofs: dict[tuple[str, str], str] = field(default_factory=dict)
    """For guarded functions whose proof was asked for: what the verifier proved, in words."""


REGISTRATION_DECORATORS: tuple[str, ...] = (
    "django.dispatch.receiver",
    "django.dispatch.dispatcher.receiver",
    "atexit.register",
    "uwsgidecorators.postfork",
    *(f"celery.signals.{name}.connect" for name in CELERY_SIGNALS),
)
"""Decorators that register the function with a framework and return it unchanged (their source says so).

A trigger found through one of them is invoked as the function itself, so
for audit they are transparent: the verifier may see through them when it
decides whether the function returns first (added to ``transparent-decorators``
for the audit's questions only; ``check`` keeps its own list).
"""


CELERY_APPS = frozenset({"celery.Celery", "celery.app.Celery", "celery.app.base.Celery"})
_CELERY_APP_SIGNALS = ("on_after_configure", "on_after_finalize")


def celery_app_decorators(facts: ModuleFacts, linker: Linker) -> frozenset[str]:
    """``<app>.on_after_configure.connect`` for each Celery app bound in the module, spelled as the verifier names it.

    The verifier names a decorator by its root binding: the import's
    absolute target for an imported app, ``module.name`` for one built here.
    """
    names: set[str] = set()
    for name, ref in facts.bindings:
        if ref.kind not in ("g", "i"):
            continue
        sym = linker.resolve(ref)
        if sym is None or sym.kind != "extinst" or sym.module not in CELERY_APPS:
            continue
        base = ".".join((ref.head, *ref.attrs)) if ref.kind == "g" else f"{facts.module}.{name}"
        names.update(f"{base}.{signal}.connect" for signal in _CELERY_APP_SIGNALS)
    return frozenset(names)


def audit_config(config: Config, extra: Iterable[str] = ()) -> Config:
    """``config`` with :data:`REGISTRATION_DECORATORS` (and ``extra``) added to ``transparent-decorators``.

    Unchanged when the verifier has no such key.
    """
    current = getattr(config, "transparent_decorators", None)
    if current is None:
        return config
    from dataclasses import replace

    return replace(config, transparent_decorators=tuple(dict.fromkeys((*current, *REGISTRATION_DECORATORS, *extra))))  # type: ignore[call-arg]


PARALLEL_MIN_REQUESTS = 6
"""Below this many files to verify, a process pool costs more than it saves."""


def verify(config: Config, requests: Sequence[VerifyRequest], sources: Mapping[Path, bytes], jobs: int = 1) -> VerifyOutcome:
    """Run the verifier on the requested functions, in ``jobs`` processes when there are many files."""
    import thor_guard.verifier  # noqa: F401 - imported once here, inherited by forked workers

    if jobs <= 1 or len(requests) < PARALLEL_MIN_REQUESTS:
        return _verify_serial(config, requests, sources)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    batches = [list(requests[i::jobs]) for i in range(jobs)]
    payloads = [(config, batch, {r.path: sources[r.path] for r in batch if r.path in sources}) for batch in batches if batch]
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=len(payloads), mp_context=context) as pool:
        outcomes = list(pool.map(_verify_payload, payloads))
    merged = VerifyOutcome({}, 0, 0, {})
    for outcome in outcomes:
        merged.guarded.update(outcome.guarded)
        merged.proofs.update(outcome.proofs)
        merged.errors.update(outcome.errors)
        merged.files += outcome.files
        merged.functions += outcome.functions
    return merged


def _verify_payload(payload: tuple[Config, list[VerifyRequest], dict[Path, bytes]]) -> VerifyOutcome:
    return _verify_serial(*payload)


def _verify_serial(config: Config, requests: Iterable[VerifyRequest], sources: Mapping[Path, bytes]) -> VerifyOutcome:
    """Run the verifier on the requested functions (libcst is imported only here)."""
    from libcst import ParserSyntaxError
    from libcst.metadata import MetadataWrapper

    from thor_guard.verifier import (
        HelperResolver,
        VerifierContext,
        is_guarded,
        iter_functions,
        parse_source,
        verify_function,
    )

    resolver = HelperResolver(
        tuple(config.source_roots),
        frozenset(f"{t.module}.{t.qualname}" for t in config.guard_helpers),
    )
    guarded: dict[tuple[str, str], bool] = {}
    proofs: dict[tuple[str, str], str] = {}
    errors: dict[Path, str] = {}
    files = functions = 0
    for request in requests:
        data = sources.get(request.path)
        try:
            if data is None:
                data = request.path.read_bytes()
            # The whole module, never a slice of it: the verdict reads the rest of the module (the class's other
            # methods for instance state, project classes named in annotations, helpers of any shape), and a slice
            # that dropped them made audit call an unguarded function guarded.
            tree = parse_source(data)
        except (OSError, ParserSyntaxError, SyntaxError, UnicodeDecodeError, LookupError) as exc:
            errors[request.path] = describe_source_error(data, exc)
            continue
        files += 1
        wrapper = MetadataWrapper(tree, unsafe_skip_copy=True)
        context = VerifierContext.from_config(
            audit_config(config, request.transparent), module=request.module, path=request.path, resolver=resolver, source=data
        )
        for qualname, function in iter_functions(wrapper.module):
            if qualname not in request.qualnames or (request.module, qualname) in guarded:
                continue
            functions += 1
            try:
                proven = guarded[(request.module, qualname)] = is_guarded(wrapper, function, context)
                if proven and qualname in request.proofs:
                    verdict = verify_function(wrapper, function, qualname, context)
                    proofs[(request.module, qualname)] = proof_text(wrapper, verdict, context, f"{request.module}:{qualname}")
            except Exception as exc:  # noqa: BLE001 - a verifier failure on one function must not stop the audit; reported
                guarded[(request.module, qualname)] = False
                errors[request.path] = f"verifier failed on {qualname}: {exc}"
    return VerifyOutcome(guarded, files, functions, errors, proofs)


def _worlds(context: object) -> tuple[list[str | None], list[str | None]]:
    """The values of the mode variable the proof covered, per world.

    The verifier's value table (``value_space``: each value with its world)
    when it has one, else its heartbeat and legacy spellings.
    """
    space = getattr(context, "value_space", None)
    if space:
        heartbeat = [row.value for row in space if "heartbeat" in str(getattr(row.world, "name", row.world)).lower()]
        legacy = [row.value for row in space if "heartbeat" not in str(getattr(row.world, "name", row.world)).lower()]
        return heartbeat, legacy
    return list(getattr(context, "heartbeat_environments", ())), list(getattr(context, "legacy_environments", ()))


def _values(values: Sequence[str | None], limit: int = 6) -> str:
    shown = ", ".join("unset" if v is None else repr(v) for v in values[:limit])
    return shown + (f" and {len(values) - limit} more" if len(values) > limit else "")


def proof_text(wrapper: object, verdict: object, context: object, node: str) -> str:
    """Say in one sentence what the verifier proved about a guarded function (for ``--explain``).

    Names the guard statement (its first line and its line in the file) and the values of the mode variable the proof covered. Only public
    verifier data is used: the verdict's ``guard_index``/``env_var_read`` and
    the context's value lists.
    """
    import libcst as cst
    from libcst.metadata import PositionProvider

    function = verdict.function  # type: ignore[attr-defined]
    env_var = getattr(verdict, "env_var_read", None) or getattr(context, "env_var", "the mode variable")
    where = ""
    index = getattr(verdict, "guard_index", None)
    body = function.body
    if index is not None and isinstance(body, cst.IndentedBlock) and 0 <= index < len(body.body):
        statement = body.body[index]
        text = cst.Module(body=[]).code_for_node(statement).strip().splitlines()[0]
        try:
            line = wrapper.resolve(PositionProvider)[statement].start.line  # type: ignore[attr-defined]
            where = f" at its guard `{text}` (line {line})"
        except (KeyError, AttributeError):
            where = f" at its guard `{text}`"
    heartbeat, legacy = _worlds(context)
    values = _values(heartbeat) or "every heartbeat value"
    runs = f"; with {_values(legacy)} it runs its body" if legacy else ""
    return (
        f"{node} returns{where} before any side effect with {env_var} {values}{runs} "
        "(proved by the verifier, the same proof `check` uses)"
    )
