"""The check engine: configuration in, findings and per-file errors out.

``run_check(paths, config)`` resolves every manifest entry point, parses only
the files that hold them (plus the modules of guard helpers it follows),
verifies each matched function and converts rule hits to
:class:`~thor_guard.findings.Finding`\\ s. Nothing is imported or executed.
A file that cannot be read or parsed becomes a
:class:`~thor_guard.findings.FileError` and every other entry point is still
checked. The CLI (:mod:`thor_guard.commands.check`) only formats the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from thor_guard.config import Config
from thor_guard.findings import FileError, Finding
from thor_guard.targets import Target, broken_module_link, find_module_file, resolve_target_modules
from thor_guard.verdict_cache import (
    Entry,
    Outcome,
    Probe,
    VerdictCache,
    config_fingerprint,
    digest,
    extensions_signature,
    file_signature,
    layout_signature,
    lookups_signature,
    module_locations,
    outcome_key,
    recording_layout,
    same_extensions,
    same_file,
)

if TYPE_CHECKING:
    import libcst as cst

    from thor_guard.verifier import HelperResolver
    from thor_guard.verifier.model import FunctionVerdict

# libcst and the verifier are imported only when a file must really be parsed or verified: a warm run
# (every verdict in the cache, see thor_guard.verdict_cache) never imports them.


@dataclass(frozen=True)
class CheckResult:
    """Everything ``check`` found; reporters render it (see :mod:`thor_guard.report`)."""

    findings: list[Finding]
    errors: list[FileError]
    entry_points: int
    """Number of functions matched by the manifest and verified (now or, with a cache, earlier)."""
    files: int
    """Number of files parsed (entry-point modules and helper modules), counting cached ones."""
    verdicts: dict[str, FunctionVerdict] = field(default_factory=dict, compare=False, repr=False)
    """``module:qualname`` -> verdict, for callers that want more than findings; only the verdicts
    computed in this run (a verdict served from the cache carries its findings, not this object)."""

    @property
    def summary(self) -> dict[str, int]:
        return {"entry_points": self.entry_points, "files": self.files, "findings": len(self.findings)}


@dataclass
class ParsedModule:
    """One entry-point file, parsed once however many targets point into it.

    Only the syntax tree is built here; scope metadata, the expensive part,
    is computed later on a skeleton that keeps just the matched functions.
    """

    module: str
    path: Path
    data: bytes
    tree: cst.Module
    functions: list[tuple[str, cst.FunctionDef]]


def read_module(module: str, path: Path) -> ParsedModule | FileError:
    """Read and parse ``path`` (bytes, so a coding cookie or BOM is honoured); errors become one line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return FileError(path, f"cannot read file: {exc.strerror or exc}")
    return _parse(module, path, data)


RECURSION_LIMIT_ERROR = (
    "cannot analyse this file: libcst reached Python's recursion limit on it (a long flat chain such as hundreds of "
    "'elif' branches or '+' terms nests its tree too deeply); split the chain"
)


def _parse(module: str, path: Path, data: bytes) -> ParsedModule | FileError:
    import libcst as cst

    from thor_guard.verifier import parse_source
    from thor_guard.verifier.context import describe_parse_error
    from thor_guard.verifier.skeleton import walk_functions

    from thor_guard.nesting import deep_nesting

    deep = deep_nesting(data)
    if deep is not None:  # libcst's parser would overflow the C stack on it (review AR3-9)
        return FileError(path, f"cannot analyse this file: {deep.describe()}")
    try:
        tree = parse_source(data)
    except (cst.ParserSyntaxError, SyntaxError, UnicodeDecodeError, LookupError) as exc:
        return FileError(path, describe_parse_error(data, exc))
    except RecursionError:
        return FileError(path, RECURSION_LIMIT_ERROR)
    return ParsedModule(module, path, data, tree, walk_functions(tree))


@dataclass
class FileState:
    """One entry-point file in a run: its bytes, function names and cache entry; parsed only on demand."""

    module: str
    path: Path
    data: bytes
    key: str
    entry: Entry
    parsed: ParsedModule | None = None

    @property
    def functions(self) -> tuple[str, ...]:
        assert self.entry.functions is not None
        return self.entry.functions

    def parse(self) -> ParsedModule:
        if self.parsed is None:
            parsed = _parse(self.module, self.path, self.data)
            assert isinstance(parsed, ParsedModule)  # the entry says it parsed (same bytes, same code)
            self.parsed = parsed
        return self.parsed


def _load_file(module: str, path: Path, cache: VerdictCache) -> FileState | FileError:
    """Read ``path``; its function names (or parse error) come from the cache when its bytes are known."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return FileError(path, f"cannot read file: {exc.strerror or exc}")
    key = cache.file_key(data, module, path)
    entry = cache.load(key)
    parsed: ParsedModule | None = None
    if entry is None:
        outcome = _parse(module, path, data)
        if isinstance(outcome, FileError):
            entry = Entry(None, outcome.message)
        else:
            parsed = outcome
            entry = Entry(tuple(qualname for qualname, _ in parsed.functions), None)
        cache.store(key, entry)
    if entry.error is not None:
        return FileError(path, entry.error)
    return FileState(module, path, data, key, entry, parsed)


def _under(path: Path, roots: Sequence[Path]) -> bool:
    if not roots:
        return True
    resolved = path.resolve()
    return any(resolved == root or root in resolved.parents for root in roots)


def _config_location(config: Config, target: Target) -> tuple[Path, int]:
    """Where a TG008 for a manifest entry should point: its line in the config file, if there is one."""
    if config.config_file is None:
        return config.project_root, 1
    try:
        lines = config.config_file.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return config.config_file, 1
    text = str(target)
    for number, line in enumerate(lines, start=1):
        if text in line:
            return config.config_file, number
    for number, line in enumerate(lines, start=1):
        if line.strip().startswith("preset"):
            return config.config_file, number
    return config.config_file, 1


def run_check(paths: Iterable[Path], config: Config, *, cache: VerdictCache | None = None) -> CheckResult:
    """Verify every entry point of ``config`` whose file lies under one of ``paths`` (all when empty).

    With ``cache`` (see :mod:`thor_guard.verdict_cache`) a file whose bytes,
    configuration and every probed helper are unchanged is not parsed or
    verified again; the result is the same as without it. Without one, nothing
    is read from or written to disk besides the analysed files.
    """
    cache = cache if cache is not None else VerdictCache(None)
    roots = [Path(p).resolve() for p in paths]
    project_roots = [r for r in roots if r.is_dir()]
    findings: list[Finding] = []
    errors: dict[Path, FileError] = {}
    loaded: dict[Path, FileState | FileError] = {}
    matched: dict[Path, set[int]] = {}
    """file -> indices of the functions the manifest matched: what the skeleton must keep."""

    for target in config.entry_points:
        modules = resolve_target_modules(target, config.source_roots, config.exclude)
        if not modules:
            # An entry whose module is missing is a project-wide problem; report it unless the run is
            # restricted to files that could not have held it anyway.
            if not roots or project_roots:
                where, line = _config_location(config, target)
                link = broken_module_link(target, config.source_roots)
                message = (
                    f"module '{target.module}' has no file Python can import: {link}" if link
                    else f"no module '{target.module}' under the source roots ({_roots(config)}): renamed or moved?"
                )
                findings.append(Finding(where, line, 1, "TG008", message, str(target)))
            continue
        matched_any = False
        candidates: list[str] = []
        for module, path in modules:
            if not _under(path, roots):
                matched_any = True  # outside this run's paths: neither checked nor missing
                continue
            key = path.resolve()
            if key not in loaded:
                loaded[key] = _load_file(module, path, cache)
            state = loaded[key]
            if isinstance(state, FileError):
                errors[key] = state
                matched_any = True
                continue
            for index, qualname in enumerate(state.functions):
                candidates.append(qualname)
                if target.matches_qualname(qualname):
                    matched_any = True
                    matched.setdefault(key, set()).add(index)
        if not matched_any:
            path = modules[0][1]
            hint = _did_you_mean(target.qualname, candidates) if not target.qualname_is_pattern else ""
            findings.append(
                Finding(path, 1, 1, "TG008", f"no function in '{modules[0][0]}' matches '{target.qualname}'{hint}: renamed or moved?", str(target))
            )

    fingerprint = config_fingerprint(config)
    confirmed: set[Probe] = set()
    listings: dict[str, frozenset[str] | None] = {}
    unchanged: dict[tuple[str, str], bool] = {}
    verifier: _Verifier | None = None
    verdicts: dict[str, FunctionVerdict] = {}
    entry_points: set[str] = set()
    helper_files: set[str] = set()
    for key, wanted in matched.items():
        state = loaded[key]
        assert isinstance(state, FileState)
        okey = outcome_key(fingerprint, wanted)
        outcome = state.entry.outcomes.get(okey)
        if outcome is None or not _still_valid(outcome, config, confirmed, listings, unchanged):
            cache.misses += 1
            if verifier is None:
                verifier = _Verifier(config)
            try:
                outcome, file_verdicts = verifier.verify(state, wanted)
            except RecursionError:
                # a flat chain the bracket check cannot see (400 `elif`s, 400 `+` terms) nests libcst's tree past
                # Python's recursion limit (apply review 18): an error for the file, never a crash of the run
                errors[key] = FileError(state.path, RECURSION_LIMIT_ERROR)
                continue
            verdicts.update(file_verdicts)
            state.entry.outcomes.pop(okey, None)
            state.entry.outcomes[okey] = outcome
            cache.store(state.key, state.entry)
        else:
            cache.hits += 1
        findings.extend(outcome.findings)
        entry_points.update(outcome.entry_points)
        helper_files.update(outcome.helper_files)
        for failed, reason in outcome.helper_errors:
            errors.setdefault(Path(failed), FileError(Path(failed), reason))
    if cache.written:
        cache.evict()

    files = {str(p) for p, e in loaded.items() if isinstance(e, FileState)} | helper_files
    return CheckResult(
        findings=sorted(findings),
        errors=sorted(errors.values()),
        entry_points=len(entry_points),
        files=len(files),
        verdicts=verdicts,
    )


def _did_you_mean(name: str, candidates: list[str]) -> str:
    # difflib: imported only when an entry point went missing
    from thor_guard.suggest import did_you_mean

    return did_you_mean(name, candidates)


def _still_valid(
    outcome: Outcome,
    config: Config,
    confirmed: set[Probe] | None = None,
    listings: dict[str, frozenset[str] | None] | None = None,
    unchanged: dict[tuple[str, str], bool] | None = None,
) -> bool:
    """True when every probe of ``outcome`` sees today what it saw when the outcome was computed.

    ``confirmed`` (one set per run) holds the import-walk probes already found
    unchanged, ``listings`` the directories listed for them and ``unchanged``
    each walked file's verdict: the outcomes of one run's files share most of
    their walk.
    """
    unchanged = {} if unchanged is None else unchanged
    for probe in outcome.probes:
        if probe.kind == "unverifiable":
            return False
        if probe.kind in ("files", "lookups", "extensions"):
            if confirmed is not None and probe in confirmed:
                continue
            assert probe.path is not None and probe.content is not None
            if probe.kind == "files":
                for path, signature in zip(probe.path.split("\n"), probe.content.split("\n")):
                    key = (path, signature)
                    if key not in unchanged:
                        unchanged[key] = same_file(Path(path), signature)
                    if not unchanged[key]:
                        return False
            if probe.kind == "extensions" and not same_extensions(probe.path.split("\n"), probe.content):
                return False
            if probe.kind == "lookups" and lookups_signature(probe.path.split("\n"), config.source_roots, listings) != probe.content:
                return False
            if confirmed is not None:
                confirmed.add(probe)
            continue
        if probe.kind == "layout":  # third-party module-or-object answers read from sys.path
            assert probe.path is not None
            if layout_signature(probe.path.split("\n")) != probe.content:
                return False
            continue
        if probe.kind == "file":  # a package __init__ whose census binding_problem took
            assert probe.path is not None and probe.content is not None
            if not same_file(Path(probe.path), probe.content):
                return False
            continue
        if probe.kind == "locations":
            assert probe.module is not None
            if digest("\n".join(module_locations(probe.module, config.source_roots)).encode()) != probe.content:
                return False
            continue
        if probe.module is None:
            assert probe.path is not None
            if _shadowed(Path(probe.path)) != probe.shadowed:
                return False
            continue
        found = find_module_file(probe.module, config.source_roots)
        if (str(found) if found is not None else None) != probe.path:
            return False
        if probe.content is not None and (found is None or _content(found) != probe.content):
            return False
        if probe.shadowed is not None and found is not None and _shadowed(found) != probe.shadowed:
            return False
    return True


def _content(path: Path) -> str:
    """The content hash a probe compares (a file that cannot be read has one too: it may become readable)."""
    try:
        return digest(path.read_bytes())
    except OSError as exc:
        return f"unreadable: {exc.errno}"


def _shadowed(path: Path) -> bool:
    """True when a package directory beside ``path`` (``x/__init__.py`` next to ``x.py``) shadows it."""
    return path.name != "__init__.py" and (path.with_suffix("") / "__init__.py").is_file()


def _roots(config: Config) -> str:
    return ", ".join(_display(root, config.project_root) for root in config.source_roots)


def _display(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix() or "."
    except ValueError:
        return str(path)


class _Verifier:
    """The libcst side of a run: verifies one file at a time and records what else each verdict read."""

    def __init__(self, config: Config) -> None:
        self.config = config
        # The import walk's memos (module -> files, file -> edges, module -> patches reaching it), shared by the
        # resolvers of one run: they depend only on the tree's files, which one run reads once, never on what an
        # earlier verification asked. Per resolver, every entry-point file re-read the same few hundred modules.
        self._reach: dict[str, dict[str, tuple[Path, int, str]]] = {}
        self._files: dict[str, list[Path]] = {}
        self._edges: dict[Path, tuple[list[tuple[str, tuple[Path, int, str]]], list[Path]]] = {}
        self._names: dict[Path, tuple[str, ...]] = {}
        self._footprints: dict[str, tuple[tuple[Path, ...], tuple[str, ...]]] = {}
        self._runs: dict = {}  # (file, roots) -> what import-time code run from there reaches (HelperResolver._runs)
        self._extensions: dict = {}  # walked file -> compiled extension beside it (HelperResolver._extensions)
        self._listings: dict[str, frozenset[str] | None] = {}  # directory listings of the walk probes

    def _resolver(self) -> HelperResolver:
        """A fresh helper resolver for each file.

        Sharing one across files would let a helper's facts, built while
        verifying an earlier file, answer for a later one without the later
        verification consulting the modules behind them, so the later file's
        cache entry would miss those reads. Helper modules are small outlines;
        parsing them once per entry-point file costs nothing measurable
        (Django and gen-5k cold runs alike within noise). Only the import
        walk's memos are shared (see ``__init__``).
        """
        from thor_guard.verifier.skeleton import helper_outline

        return _recording_resolver_class()(
            tuple(self.config.source_roots),
            frozenset(f"{t.module}.{t.qualname}" for t in self.config.guard_helpers),
            outline=helper_outline,  # bodies the verifier walks are recovered from the file (ModuleFacts.recover)
            _reach=self._reach,
            _files=self._files,
            _edges=self._edges,
            _names=self._names,
            _footprints=self._footprints,
            _runs=self._runs,
            _extensions=self._extensions,
        )

    def verify(self, state: FileState, wanted: set[int]) -> tuple[Outcome, dict[str, FunctionVerdict]]:
        """Verify the matched functions of one file and record what else the verdicts read."""
        parsed = state.parse()
        resolver = self._resolver()
        resolver.consulted = {}
        resolver.walks = set()
        resolver.located = set()
        resolver.read_files = set()
        ids = {id(function) for index, (_, function) in enumerate(parsed.functions) if index in wanted}
        with recording_layout() as layout:  # third-party names judged module-or-object on sys.path (R5-20)
            findings, verdicts = _verify_file(parsed, ids, self.config, resolver)
        roots = self.config.source_roots
        probes: list[Probe] = []
        if parsed.path.name != "__init__.py":
            probes.append(Probe(None, str(parsed.path), shadowed=_shadowed(parsed.path)))
        helper_files: list[str] = []
        helper_errors: list[tuple[str, str]] = []
        for module, facts_read in sorted(resolver.consulted.items()):
            found = find_module_file(module, roots)
            if found is None or not facts_read:
                probes.append(Probe(module, str(found) if found is not None else None))
                continue
            resolved = found.resolve()
            probes.append(Probe(module, str(found), _content(found), _shadowed(found)))
            if resolved in resolver.failed_files:
                helper_errors.append((str(resolved), resolver.failed_files[resolved]))
            elif resolved in resolver.parsed_files:
                helper_files.append(str(resolved))
        probes.extend(_walk_probes(resolver, roots, self._listings))
        probes.extend(_binding_probes(resolver, roots))
        if layout:
            names = sorted(layout)
            probes.append(Probe(None, "\n".join(names), layout_signature(names), kind="layout"))
        outcome = Outcome(tuple(findings), tuple(verdicts), tuple(helper_files), tuple(helper_errors), tuple(probes))
        return outcome, verdicts


def _binding_probes(resolver: HelperResolver, roots: Sequence[Path]) -> list[Probe]:
    """Probes for what ``HelperResolver.binding_problem`` read: where each looked-up module may be loaded from
    (``kind="locations"``: :func:`~thor_guard.verdict_cache.module_locations`, every root and compiled
    extensions) and the package ``__init__`` files whose census it took (``kind="file"``)."""
    probes = [
        Probe(name, None, digest("\n".join(module_locations(name, roots)).encode()), kind="locations")
        for name in sorted(resolver.located)  # type: ignore[attr-defined]
    ]
    probes.extend(Probe(None, str(path), file_signature(path), kind="file") for path in sorted(resolver.read_files))  # type: ignore[attr-defined]
    return probes


def _walk_probes(resolver: HelperResolver, roots: Sequence[Path], listings: dict[str, frozenset[str] | None]) -> list[Probe]:
    """Probes for what the verification's import walks read (see ``HelperResolver.patches_reaching``).

    A patch added to, or removed from, any module imported with the entry
    point's module changes the verdict, so one ``files`` probe holds each
    walked file's :func:`~thor_guard.verdict_cache.file_signature` (size,
    mtime, ctime, inode and content hash), and so is where every imported name resolves: one
    ``lookups`` probe lists the names looked up with a hash of which of
    their candidate files (``a/b.py``, ``a/b/__init__.py`` under every
    source root) exist, so a module appearing or disappearing where an
    import looks changes it, and nothing else does.
    """
    files: set[Path] = set()
    names: set[str] = set()
    for module in sorted(resolver.walks):  # type: ignore[attr-defined]
        footprint = resolver.walk_footprint(module)
        if footprint is not None:
            files.update(footprint[0])
            names.update(footprint[1])
    if not files and not names:
        return []
    paths = sorted(files)
    if any("\n" in str(path) for path in paths):
        return [Probe(None, None, kind="unverifiable")]  # the probe's newline-joined list cannot hold such a path
    # One probe for all files (newline-joined): a few hundred probe objects per entry cost a warm run more than
    # the stat calls that check them.
    probes = [Probe(None, "\n".join(map(str, paths)), "\n".join(file_signature(p) for p in paths), kind="files")] if paths else []
    if paths:  # a compiled extension beside a walked file is what Python imports (R5-15)
        probes.append(Probe(None, "\n".join(map(str, paths)), extensions_signature(map(str, paths)), kind="extensions"))
    ordered = sorted(names)
    probes.append(Probe(None, "\n".join(ordered), lookups_signature(ordered, roots, listings), kind="lookups"))
    return probes


_RECORDING: type | None = None


def _recording_resolver_class() -> type:
    """A :class:`~thor_guard.verifier.HelperResolver` that notes every module the verifier asks about.

    ``consulted`` maps module -> whether its facts (its source) were read, as
    opposed to only its existence. That is what a cached verdict must
    re-validate (see :func:`_still_valid`); the resolver itself is unchanged.
    """
    global _RECORDING
    if _RECORDING is None:
        from thor_guard.verifier import HelperResolver

        class RecordingResolver(HelperResolver):
            consulted: dict[str, bool]
            walks: set[str]
            located: set[str]
            read_files: set[Path]

            def is_module(self, module: str) -> bool:
                self.consulted.setdefault(module, False)
                return super().is_module(module)

            def module_facts(self, module: str):  # type: ignore[no-untyped-def]
                self.consulted[module] = True
                return super().module_facts(module)

            def patches_reaching(self, module: str):  # type: ignore[no-untyped-def]
                self.walks.add(module)
                return super().patches_reaching(module)

            def binding_problem(self, dotted: str) -> str | None:
                # Where every prefix of the name may be loaded from (each source root, compiled extensions
                # beside the source) and the package __init__s it reads decide the answer.
                parts = dotted.split(".")
                self.located.update(".".join(parts[:index]) for index in range(1, len(parts) + 1))
                return super().binding_problem(dotted)

            def _package_census(self, path: Path):  # type: ignore[no-untyped-def]
                self.read_files.add(path)
                return super()._package_census(path)

        _RECORDING = RecordingResolver
    return _RECORDING


def _verify_file(
    parsed: ParsedModule, wanted: set[int], config: Config, resolver: HelperResolver
) -> tuple[list[Finding], dict[str, FunctionVerdict]]:
    """Verify the matched functions of one file on a skeleton of it.

    Scope analysis runs on the module with every unmatched body stubbed out
    (see :mod:`thor_guard.verifier.skeleton`: names stay bound where they were, so the
    verdicts are those of the full file), which is what keeps ``check`` cheap
    on large modules. Skeleton lines are mapped back to the file's lines by
    each function's ``def`` line from Python's own parser.
    """
    from libcst.metadata import MetadataWrapper, PositionProvider

    from thor_guard.verifier import VerifierContext, verify_function
    from thor_guard.verifier.skeleton import def_positions, skeleton

    wrapper = MetadataWrapper(skeleton(parsed.tree, wanted), unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)
    def_lines = {id(function): line for (_, function), (line, _) in zip(parsed.functions, def_positions(parsed.data))}
    context = VerifierContext.from_config(config, module=parsed.module, path=parsed.path, resolver=resolver, source=parsed.data)
    findings: list[Finding] = []
    verdicts: dict[str, FunctionVerdict] = {}
    for qualname, function in parsed.functions:
        if id(function) not in wanted:
            continue
        verdict = verify_function(wrapper, function, qualname, context)
        entry_point = f"{parsed.module}:{qualname}"
        verdicts[entry_point] = verdict
        name_position = positions[function.name]
        shift = def_lines.get(id(function), name_position.start.line) - name_position.start.line
        span = positions[function]
        for hit in verdict.hits:
            position = positions.get(hit.node)
            if position is None or not span.start.line <= position.start.line <= span.end.line:
                position = name_position  # a node outside the function has no file line in the skeleton
            findings.append(
                Finding(parsed.path, position.start.line + shift, position.start.column + 1, hit.code, hit.message, entry_point)
            )
    return findings, verdicts


def filter_findings(findings: Iterable[Finding], select: frozenset[str] | None, ignore: frozenset[str] | None) -> list[Finding]:
    """Apply ``--select`` / ``--ignore`` (None means no restriction)."""
    return [
        f
        for f in findings
        if (select is None or f.code in select) and (ignore is None or f.code not in ignore)
    ]
