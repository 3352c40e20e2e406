"""The bridge to the verifier: which functions on a path are guarded.

Only functions that lie on a path from a trigger to a spawn site are asked
about, and of those only the ones that *could* hold a guard: the function (or a
``return <expr>`` helper it calls in an ``if`` test, or a configured helper)
mentions the mode variable's name. That filter can only say "cannot be
guarded"; every "guarded" comes from :func:`thor_guard.verifier.is_guarded` - the
same proof ``check`` uses. Verdicts are cached by the file's content key, the
content keys of the project modules it imports (helpers live there), the
configuration and the qualname.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from thor_guard.audit.cache import config_fingerprint
from thor_guard.audit.link import Linker, Sym
from thor_guard.audit.model import MODULE_CODE, FunctionFact
from thor_guard.config import Config


@dataclass(frozen=True)
class VerifyRequest:
    module: str
    path: Path
    qualnames: frozenset[str]


def could_be_guarded(fact: FunctionFact, module: str, linker: Linker, config: Config, helpers: frozenset[str]) -> bool:
    """A necessary condition for a guard: the mode variable's name is read here or by a called helper."""
    if fact.qualname == MODULE_CODE or fact.is_lambda:
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


def verify(config: Config, requests: Iterable[VerifyRequest], sources: Mapping[Path, bytes]) -> VerifyOutcome:
    """Run the verifier on the requested functions (libcst is imported only here)."""
    from libcst import ParserSyntaxError
    from libcst.metadata import MetadataWrapper

    from thor_guard.verifier import HelperResolver, VerifierContext, is_guarded, iter_functions, parse_source

    resolver = HelperResolver(
        tuple(config.source_roots),
        frozenset(f"{t.module}.{t.qualname}" for t in config.guard_helpers),
    )
    guarded: dict[tuple[str, str], bool] = {}
    errors: dict[Path, str] = {}
    files = functions = 0
    for request in requests:
        data = sources.get(request.path)
        try:
            if data is None:
                data = request.path.read_bytes()
            tree = parse_source(data)
        except (OSError, ParserSyntaxError, SyntaxError, UnicodeDecodeError, LookupError) as exc:
            errors[request.path] = f"verifier cannot parse: {exc}".splitlines()[0]
            continue
        files += 1
        wrapper = MetadataWrapper(tree, unsafe_skip_copy=True)
        context = VerifierContext.from_config(config, module=request.module, path=request.path, resolver=resolver)
        for qualname, function in iter_functions(wrapper.module):
            if qualname not in request.qualnames or (request.module, qualname) in guarded:
                continue
            functions += 1
            try:
                guarded[(request.module, qualname)] = is_guarded(wrapper, function, context)
            except Exception as exc:  # the verifier refuses this function: treat it as unguarded, say why
                guarded[(request.module, qualname)] = False
                errors[request.path] = f"verifier failed on {qualname}: {exc}"
    return VerifyOutcome(guarded, files, functions, errors)
