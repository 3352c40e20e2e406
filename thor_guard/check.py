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

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from thor_guard.verifier.skeleton import def_positions, helper_outline, skeleton, walk_functions
from thor_guard.config import Config
from thor_guard.findings import FileError, Finding
from thor_guard.suggest import did_you_mean
from thor_guard.targets import Target, resolve_target_modules
from thor_guard.verifier import HelperResolver, VerifierContext, parse_source, verify_function
from thor_guard.verifier.context import describe_parse_error
from thor_guard.verifier.model import FunctionVerdict


@dataclass(frozen=True)
class CheckResult:
    """Everything ``check`` found; reporters render it (see :mod:`thor_guard.report`)."""

    findings: list[Finding]
    errors: list[FileError]
    entry_points: int
    """Number of functions matched by the manifest and verified."""
    files: int
    """Number of files parsed (entry-point modules and helper modules)."""
    verdicts: dict[str, FunctionVerdict] = field(default_factory=dict, compare=False, repr=False)
    """``module:qualname`` -> verdict, for callers that want more than findings."""

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
    try:
        tree = parse_source(data)
    except cst.ParserSyntaxError as exc:
        return FileError(path, describe_parse_error(data, exc))
    except SyntaxError as exc:  # libcst reports undecodable bytes / bad cookies this way
        return FileError(path, f"cannot decode source: {exc.msg}")
    except (UnicodeDecodeError, LookupError) as exc:
        return FileError(path, f"cannot decode source: {exc}")
    return ParsedModule(module, path, data, tree, walk_functions(tree))


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


def run_check(paths: Iterable[Path], config: Config) -> CheckResult:
    """Verify every entry point of ``config`` whose file lies under one of ``paths`` (all when empty)."""
    roots = [Path(p).resolve() for p in paths]
    project_roots = [r for r in roots if r.is_dir()]
    resolver = HelperResolver(
        tuple(config.source_roots),
        frozenset(f"{t.module}.{t.qualname}" for t in config.guard_helpers),
        outline=helper_outline,  # bodies the verifier walks are recovered from the file (ModuleFacts.recover)
    )
    findings: list[Finding] = []
    errors: dict[Path, FileError] = {}
    parsed: dict[Path, ParsedModule | FileError] = {}
    verdicts: dict[str, FunctionVerdict] = {}
    matched: dict[Path, set[int]] = {}
    """file -> ids of the functions the manifest matched: what the skeleton must keep."""

    for target in config.entry_points:
        modules = resolve_target_modules(target, config.source_roots, config.exclude)
        if not modules:
            # An entry whose module is missing is a project-wide problem; report it unless the run is
            # restricted to files that could not have held it anyway.
            if not roots or project_roots:
                where, line = _config_location(config, target)
                findings.append(Finding(where, line, 1, "TG008", f"no module '{target.module}' under the source roots ({_roots(config)}): renamed or moved?", str(target)))
            continue
        matched_any = False
        candidates: list[str] = []
        for module, path in modules:
            if not _under(path, roots):
                matched_any = True  # outside this run's paths: neither checked nor missing
                continue
            key = path.resolve()
            if key not in parsed:
                parsed[key] = read_module(module, path)
            entry = parsed[key]
            if isinstance(entry, FileError):
                errors[key] = entry
                matched_any = True
                continue
            for qualname, function in entry.functions:
                candidates.append(qualname)
                if target.matches_qualname(qualname):
                    matched_any = True
                    matched.setdefault(key, set()).add(id(function))
        if not matched_any:
            path = modules[0][1]
            hint = did_you_mean(target.qualname, candidates) if not target.qualname_is_pattern else ""
            findings.append(
                Finding(path, 1, 1, "TG008", f"no function in '{modules[0][0]}' matches '{target.qualname}'{hint}: renamed or moved?", str(target))
            )

    for key, wanted in matched.items():
        entry = parsed[key]
        assert isinstance(entry, ParsedModule)
        file_findings, file_verdicts = _verify_file(entry, wanted, config, resolver)
        findings.extend(file_findings)
        verdicts.update(file_verdicts)

    for failed, reason in resolver.failed_files.items():
        errors.setdefault(failed, FileError(failed, reason))
    files = {p for p, e in parsed.items() if isinstance(e, ParsedModule)} | resolver.parsed_files
    return CheckResult(
        findings=sorted(findings),
        errors=sorted(errors.values()),
        entry_points=len(verdicts),
        files=len(files),
        verdicts=verdicts,
    )


def _roots(config: Config) -> str:
    return ", ".join(_display(root, config.project_root) for root in config.source_roots)


def _display(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix() or "."
    except ValueError:
        return str(path)


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
