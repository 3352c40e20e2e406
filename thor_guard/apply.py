"""The apply engine: find the files that hold entry points, run the codemod on them, write safely.

``thor-guard apply`` is a thin front end over :func:`run_apply`, and the
codemod it runs is :class:`codemods.scheduler_guard.SchedulerGuardCommand`,
the same command libcst's own runner executes. What this module adds is the
work around it that makes a run fast and safe on a real tree:

- only files whose module a manifest entry names are read, and of those only
  files whose text contains a ``def``/``class`` that could match the entry's
  qualname are parsed (a cheap byte-level pre-filter);
- a process pool is used only when several files need the codemod, and the
  results are ordered by path so ``-j N`` and ``-j 1`` agree exactly;
- a file that does not parse, or that libcst cannot reproduce byte for byte,
  is reported and left untouched while the rest proceeds;
- every write goes through :mod:`thor_guard.writer`.
"""

from __future__ import annotations

import difflib
import errno
import multiprocessing
import os
import re
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from thor_guard.config import Config
from thor_guard.errors import ConfigError
from thor_guard.findings import FileError, Finding
from thor_guard.stop_signals import Stopped, ignore_in_worker, signals_deferred, stop_signals_raise
from thor_guard.targets import (
    Target,
    is_excluded,
    iter_python_files,
    module_file_candidates,
    module_name_for,
    resolve_target_modules,
)
from thor_guard.writer import (
    Snapshot,
    WriteRefused,
    preview_problem,
    read_snapshot,
    write_if_changed,
)

if TYPE_CHECKING:
    from codemods.scheduler_guard import SchedulerGuardCommand

POOL_THRESHOLD = 4
"""Below this many files to transform, a process pool costs more than it saves."""

POOL_MIN_BYTES = 256 * 1024
"""Below this much source to transform, a process pool costs more than it saves.

The codemod costs roughly 0.25 s of CPU per 10 KB of targeted source here,
while a pool costs its start-up plus one import of libcst and the verifier
per worker (~0.3 s of CPU each, the same on an idle machine). So the example
project (6 files, 11 KB) runs faster in-process; Django (137 files, 2 MB) and
the generated 1k tree (259 files, 1.2 MB) gain about 1.6x from two workers.
"""

_WILDCARD = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class FunctionResult:
    """One entry point the codemod fixed or left for a person (see :class:`codemods.outcome.FunctionOutcome`)."""

    path: Path
    line: int
    column: int
    entry_point: str
    action: str
    codes: tuple[str, ...]
    detail: str
    note: str = ""
    """What a reviewer should read about a fix (see :attr:`codemods.outcome.FunctionOutcome.note`)."""


@dataclass(frozen=True)
class FileResult:
    """The codemod's result for one file; ``updated == original`` when nothing changes."""

    path: Path
    module: str
    original: bytes
    updated: bytes
    functions: tuple[FunctionResult, ...] = ()
    targets_seen: frozenset[str] = frozenset()
    error: str | None = None
    internal: str | None = None
    """The traceback when ``error`` is a bug in thor-guard (the CLI prints it and exits 3), else None."""

    @property
    def changed(self) -> bool:
        return self.error is None and self.updated != self.original


@dataclass(frozen=True)
class ApplyReport:
    """Everything a run found and did; the CLI only formats it."""

    files: tuple[FileResult, ...]
    not_found: tuple[Finding, ...] = ()
    errors: tuple[FileError, ...] = ()
    written: tuple[Path, ...] = ()
    parsed_files: int = 0

    @property
    def internal_errors(self) -> tuple[FileResult, ...]:
        """Files a bug in thor-guard left untouched (each with its traceback): the run exits 3, not 2."""
        return tuple(r for r in self.files if r.internal is not None)

    @property
    def fixed(self) -> tuple[FunctionResult, ...]:
        return tuple(f for r in self.files if r.changed for f in r.functions if f.action == "fixed")

    @property
    def needs_person(self) -> tuple[FunctionResult, ...]:
        return tuple(f for r in self.files for f in r.functions if f.action == "needs-person")

    @property
    def changed_files(self) -> tuple[FileResult, ...]:
        return tuple(r for r in self.files if r.changed)


class Interrupted(Exception):
    """A stop signal (SIGINT, SIGTERM, SIGHUP) ended the run; ``written`` are the files already replaced.

    Every other file is as it was: files are replaced one at a time with the
    stop signals held off (:func:`thor_guard.stop_signals.signals_deferred`),
    so none is half-written and no temporary file is left.
    """

    def __init__(self, signum: int, written: tuple[FileResult, ...], unwritten: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.written = written
        """The files replaced before the signal, in the order they were written."""
        self.unwritten = unwritten
        """How many files would have changed but were not written (0 when the signal came before any rewrite was known)."""


@dataclass
class _Candidate:
    path: Path
    module: str
    targets: list[Target] = field(default_factory=list)


def _real_path(path: Path) -> Path:
    """``path.resolve()``, or the absolute path when it cannot be resolved: a symlink loop (``x.py -> x.py``) makes
    Python 3.11's ``resolve()`` raise RuntimeError (OSError on 3.13), and one such file must not stop the run (hostile
    apply review: the error handler itself crashed with exit 3)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()


def _scopes(config: Config, paths: Sequence[Path]) -> frozenset[str]:
    """The resolved paths a run is restricted to (empty: the whole project)."""
    resolved = {str(_real_path(Path(p))) for p in paths}
    resolved.discard(str(config.project_root))
    return frozenset(resolved)


def _within(path: Path, scopes: frozenset[str]) -> bool:
    """True when ``path`` (resolved) is one of ``scopes`` or lies below one (a string walk: cheap for thousands of files)."""
    if not scopes:
        return True
    current = str(path)
    while True:
        if current in scopes:
            return True
        parent = os.path.dirname(current)
        if parent == current:
            return False
        current = parent


def find_candidates(
    config: Config, paths: Sequence[Path] = ()
) -> tuple[list[_Candidate], dict[Target, list[Path]], list[FileError]]:
    """Files that hold a manifest module (restricted to ``paths`` when given), with the targets per file.

    Also returns, for every target, all the files its module part selects
    (in or out of ``paths``), which decides whether it is "not found"; and
    the module files that are not followed because of the symlink policy
    (see :func:`symlink_problem`), the same whether a wildcard or a concrete
    module name reached them.
    """
    scopes = _scopes(config, paths)
    by_file: dict[Path, _Candidate] = {}
    files_of: dict[Target, list[Path]] = {}
    real: dict[Path, Path] = {}
    problems: dict[Path, str] = {}
    for target, resolved in _resolve_all(config).items():
        files_of[target] = [real.setdefault(path, _real_path(path)) for _, path in resolved]
        for module, path in resolved:
            if not _within(real[path], scopes):
                continue
            problem = symlink_problem(path, config.source_roots)
            if problem is not None:
                problems[path] = problem
                continue
            candidate = by_file.setdefault(real[path], _Candidate(path, module))
            candidate.targets.append(target)
    for target, path in _broken_links(config):
        # the link is the module's file: its error stands for the target (no TG008 "not found" beside it)
        files_of.setdefault(target, []).append(_real_path(path))
        if _within(Path(os.path.abspath(path)), scopes):
            problems[path] = symlink_problem(path, config.source_roots) or "dangling symlink; not followed"
    errors = [FileError(path, message) for path, message in sorted(problems.items())]
    return [by_file[key] for key in sorted(by_file)], files_of, errors


def _is_under(path: str, directory: str) -> bool:
    return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)


def symlink_problem(path: Path, roots: Sequence[Path]) -> str | None:
    """Why the module file ``path`` is not followed, or None (a plain file, or a link that stays in its source root).

    The policy, for wildcard and named modules alike: a symlink (of the file
    or of a directory above it) is followed only when its target exists and
    lies inside the source root the module was found under; a dangling link
    or one that leaves the root is reported and not followed.
    """
    lexical = os.path.abspath(path)
    resolved = os.path.realpath(path)
    if not os.path.exists(resolved):
        try:
            os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "symlink loop (the link leads back to itself); not followed"
        return f"dangling symlink (its target {resolved} does not exist); not followed"
    if resolved == lexical:
        return None
    if not os.path.isfile(resolved):
        return f"symlink to {resolved}, which is not a regular file (a device, FIFO, socket or directory); not followed"
    for root in roots:
        if _is_under(lexical, os.path.abspath(root)):
            if _is_under(resolved, os.path.realpath(root)):
                return None
            return f"symlink to {resolved}, outside the source root {root}; not followed"
    return None


def _broken_links(config: Config) -> list[tuple[Target, Path]]:
    """``*.py`` symlinks whose target is missing or not a regular file (``pkg/job.py -> /dev/null``, a FIFO; a
    directory is no module file at all, as for Python's import), for the targets whose module pattern they would match: the module lookup skips them as "no file", so
    they are found here to be reported as what they are."""
    found: list[tuple[Target, Path]] = []
    for target in config.entry_points:
        if not target.module_is_pattern:
            for root in config.source_roots:
                for candidate in module_file_candidates(target.module, root):
                    if candidate.is_symlink() and not candidate.is_file() and not candidate.is_dir():
                        found.append((target, candidate))
    wildcard = [t for t in config.entry_points if t.module_is_pattern]
    if not wildcard:
        return found
    for root in config.source_roots:
        for start in (root.joinpath(*prefix) for prefix in _wildcard_starts(wildcard)):
            found.extend(_broken_under(start, root, wildcard))
    return found


_SKIP_DIRS = frozenset({"__pycache__", "node_modules", "venv"})


def _broken_under(start: Path, root: Path, wildcard: Sequence[Target]) -> list[tuple[Target, Path]]:
    """Broken ``*.py`` links below ``start`` (see :func:`_broken_links`; skipping hidden, cache and virtualenv
    directories, as the walk does)."""
    found: list[tuple[Target, Path]] = []
    if not start.is_dir():
        return found
    for directory, dirnames, names in os.walk(start):
        dirnames[:] = [d for d in dirnames if d not in _SKIP_DIRS and not d.startswith(".") and not d.endswith(".egg-info")]
        for name in names:
            path = Path(directory, name)
            if not name.endswith(".py") or not path.is_symlink() or path.is_file() or path.is_dir():
                continue
            module = _lexical_module(path, root)
            found.extend((target, path) for target in wildcard if module and target.matches_module(module))
    return found


def _resolve_all(config: Config) -> dict[Target, list[tuple[str, Path]]]:
    """``resolve_target_modules`` for every entry point, walking the source roots once for all wildcard modules.

    Same answers as calling it per target (first root wins, excludes apply,
    sorted by module), without one tree walk per wildcard entry.
    """
    resolved: dict[Target, list[tuple[str, Path]]] = {}
    wildcard = [t for t in config.entry_points if t.module_is_pattern]
    for target in config.entry_points:
        if not target.module_is_pattern:
            resolved[target] = resolve_target_modules(target, config.source_roots, config.exclude)
    if not wildcard:
        return resolved
    starts = _wildcard_starts(wildcard)
    modules: dict[str, Path] = {}
    for root in config.source_roots:
        for start in (root.joinpath(*prefix) for prefix in starts):
            if not start.is_dir():
                continue
            for path in iter_python_files(start, exclude=()):
                _add_module(modules, path, root, config.exclude)
    for target in wildcard:
        resolved[target] = sorted((m, p) for m, p in modules.items() if target.matches_module(m))
    return resolved


def _wildcard_starts(wildcard: Sequence[Target]) -> list[tuple[str, ...]]:
    """The wildcard-free package prefixes of ``wildcard`` targets, without prefixes inside another one."""
    prefixes: set[tuple[str, ...]] = set()
    for target in wildcard:
        prefix: list[str] = []
        for segment in target.module.split("."):
            if _WILDCARD.search(segment):
                break
            prefix.append(segment)
        prefixes.add(tuple(prefix))
    return sorted(p for p in prefixes if not any(p[: len(q)] == q and p != q for q in prefixes))


def _add_module(modules: dict[str, Path], path: Path, root: Path, exclude: Sequence[str]) -> None:
    if exclude and is_excluded(path, root, exclude):
        return
    module = module_name_for(path, root)
    if module is None and os.path.islink(path):
        module = _lexical_module(path, root)  # a link leaving the root: kept so the symlink policy reports it
    if module is not None and module not in modules:
        modules[module] = path


def _lexical_module(path: Path, root: Path) -> str | None:
    """The module name of ``path`` under ``root`` from the path as written (symlinks not resolved)."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    parts = Path(relative).with_suffix("").parts
    if not parts or parts[0] == os.pardir:
        return None
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts) if parts and all(part.isidentifier() for part in parts) else None


_GAP = rb"(?:\s|\\\r?\n)"
"""Whitespace between tokens as Python reads it: blanks, or a backslash continuation (``def \\``, newline, ``start():``)."""


def def_pattern(targets: Iterable[Target]) -> re.Pattern[bytes]:
    """A byte regex that matches every file in which one of ``targets`` could name a function.

    A qualname pattern's last segment begins with a literal that must start
    the name of the function, or (when a ``*`` spans dots) of a class or
    function enclosing it; an empty literal matches any ``def``.
    """
    prefixes: set[bytes] = set()
    any_def = False
    for target in targets:
        last = target.qualname.rsplit(".", 1)[-1]
        match = _WILDCARD.search(last)
        literal = last[: match.start()] if match else last
        if not literal or not literal.isascii():  # a non-ASCII name's bytes depend on the file's encoding
            any_def = True
        elif match is None:
            prefixes.add(re.escape(literal).encode() + _GAP + b"*[(\\[]")
        else:
            prefixes.add(re.escape(literal).encode())
    if any_def:
        return re.compile(rb"\bdef" + _GAP)
    alternatives = b"|".join(sorted(prefixes))
    # a name with non-ASCII bytes may be NFKC-equal to the target (`def ｓtart` is `start`): such a file is parsed
    return re.compile(rb"\b(?:def|class)" + _GAP + b"+(?:" + alternatives + rb"|[A-Za-z0-9_]*[\x80-\xff])")


# -- one file ------------------------------------------------------------------


def transform_source(path: Path, module: str, data: bytes, config: Config, select: frozenset[str] | None) -> FileResult:
    """Run the codemod over one file's bytes and return the new bytes; never raises for bad input.

    Every check that decides whether a file may be rewritten lives in the
    codemod itself, so libcst's runner and ``apply`` write the same bytes.
    The file's own compile warnings (invalid escape sequences...) are
    ignored meanwhile (:mod:`thor_guard.source_warnings`, review AR3-13).
    """
    from thor_guard.source_warnings import quiet_source_warnings

    with quiet_source_warnings():
        return _transform_source(path, module, data, config, select)


def _transform_source(path: Path, module: str, data: bytes, config: Config, select: frozenset[str] | None) -> FileResult:
    import libcst as cst
    from libcst.codemod import SkipFile

    from codemods.outcome import RefuseFile

    def failed(message: str) -> FileResult:
        return FileResult(path, module, data, data, error=message)

    from thor_guard.nesting import deep_nesting

    deep = deep_nesting(data)
    if deep is not None:
        # before libcst's parser (and its scope analysis of string annotations) overflows the C stack (AR3-9)
        return failed(f"{deep.describe()}; left untouched")
    try:
        tree = cst.parse_module(data)
    except (cst.ParserSyntaxError, SyntaxError, UnicodeDecodeError, LookupError) as exc:
        from thor_guard.errors import describe_source_error  # the one wording check and audit use too

        return failed(describe_source_error(data, exc))
    except RecursionError:
        return failed("libcst reached Python's recursion limit parsing this file (code nested too deeply); left untouched")
    command = _command_for(config, select)
    command.retarget(str(path), module, data)
    try:
        new = command.transform_module(tree)
        updated = data if new is tree else command.generated_bytes(new)
    except RefuseFile as exc:
        functions = _functions(path, module, command)
        seen = frozenset(str(t) for t in command.targets_seen)
        return FileResult(path, module, data, data, functions, seen, error=None if exc.per_function else exc.reason)
    except SkipFile:
        return FileResult(path, module, data, data)
    except Exception as exc:  # noqa: BLE001 - a bug in one file's rewrite must not stop the run or touch the file
        import traceback

        message = f"internal error while rewriting ({type(exc).__name__}: {exc}); left untouched, please report it"
        return FileResult(path, module, data, data, error=message, internal=traceback.format_exc())
    seen = frozenset(str(t) for t in command.targets_seen)
    return FileResult(path, module, data, updated, _functions(path, module, command), seen)


def _functions(path: Path, module: str, command: SchedulerGuardCommand) -> tuple[FunctionResult, ...]:
    return tuple(
        FunctionResult(path, o.line, o.column, f"{module}:{o.qualname}", o.action, o.codes, o.detail, o.note)
        for o in sorted(command.outcomes)
    )


_COMMANDS: dict[tuple[int, frozenset[str] | None], tuple[Config, SchedulerGuardCommand]] = {}


def _command_for(config: Config, select: frozenset[str] | None) -> SchedulerGuardCommand:
    """One command per configuration and process, reused file after file."""
    from libcst.codemod import CodemodContext

    from codemods.scheduler_guard import SchedulerGuardCommand

    key = (id(config), select)
    cached = _COMMANDS.get(key)
    if cached is None or cached[0] is not config:
        if len(_COMMANDS) > 8:
            _COMMANDS.clear()
        cached = (config, SchedulerGuardCommand(CodemodContext(), config=config, select=select))
        _COMMANDS[key] = cached
    return cached[1]


_WORKER_STATE: tuple[Config, frozenset[str] | None] | None = None


def _init_worker(config: Config, select: frozenset[str] | None) -> None:
    global _WORKER_STATE
    ignore_in_worker()  # the parent alone decides to stop (and cancels what has not started)
    _WORKER_STATE = (config, select)


def _transform_in_worker(item: tuple[Path, str, bytes]) -> FileResult:
    assert _WORKER_STATE is not None
    return transform_source(*item, *_WORKER_STATE)


def _pool_context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else methods[0])


def _transform_in_pool(
    work: list[tuple[Path, str, bytes]], config: Config, select: frozenset[str] | None, jobs: int
) -> list[FileResult]:
    """``transform_source`` over ``work`` in ``jobs`` processes, the largest files first, one file per task.

    The cost of a file varies by two orders of magnitude (it follows its size
    and its number of targets), so handing out one file at a time, largest
    first, keeps both workers busy to the end instead of one waiting on the
    other's last big chunk. Under ``fork`` the codemod is imported once here
    and inherited, instead of once per worker. The caller orders the results.
    """
    context = _pool_context()
    if context.get_start_method() == "fork":
        import codemods.scheduler_guard  # noqa: F401 - inherited by the forked workers

    ordered = sorted(work, key=lambda item: len(item[2]), reverse=True)
    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(work)), mp_context=context, initializer=_init_worker, initargs=(config, select)
    )
    results: list[FileResult] = []
    try:
        futures = [pool.submit(_transform_in_worker, item) for item in ordered]
        lost: list[tuple[Path, str, bytes]] = []
        for item, future in zip(ordered, futures):
            try:
                results.append(future.result())
            except BrokenProcessPool:
                lost.append(item)  # a worker died (a crash in native code): this file or one beside it
    except BaseException:
        # a stop signal (or a failure): files not started are cancelled instead of transformed before exiting
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    # every other file is still processed (review AR3-9): the lost ones again, each alone, to find the one that crashes
    results.extend(_transform_alone(item, context, config, select) for item in lost)
    return results


def _transform_alone(
    item: tuple[Path, str, bytes], context: multiprocessing.context.BaseContext, config: Config, select: frozenset[str] | None
) -> FileResult:
    """``transform_source`` of one file in a process of its own; a crash of that process is this file's error."""
    path, module, data = item
    with ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_init_worker, initargs=(config, select)) as alone:
        try:
            return alone.submit(_transform_in_worker, item).result()
        except BrokenProcessPool:
            message = "the process analysing this file crashed (a fault in native code); left untouched, please report it"
            return FileResult(path, module, data, data, error=message, internal=message + "\n")


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


# -- a whole run -----------------------------------------------------------------


def run_apply(
    config: Config,
    paths: Sequence[Path] = (),
    *,
    select: frozenset[str] | None = None,
    jobs: int | None = None,
    write: bool = True,
) -> ApplyReport:
    """Fix the manifest's entry points under ``paths``; write only when ``write`` (else report what would change).

    Raises :class:`Interrupted` when SIGINT, SIGTERM or SIGHUP stops the run
    (naming the files already written; the others are untouched).
    """
    written: list[FileResult] = []
    pending: list[int] = []
    try:
        with stop_signals_raise():
            return _run_apply(config, paths, select=select, jobs=jobs, write=write, written=written, pending=pending)
    except KeyboardInterrupt:
        raise Interrupted(2, tuple(written), max(0, sum(pending) - len(written))) from None
    except Stopped as stop:
        raise Interrupted(stop.signum, tuple(written), max(0, sum(pending) - len(written))) from None


def _run_apply(
    config: Config,
    paths: Sequence[Path],
    *,
    select: frozenset[str] | None,
    jobs: int | None,
    write: bool,
    written: list[FileResult],
    pending: list[int],
) -> ApplyReport:
    """:func:`run_apply`'s work; appends each file it replaces to ``written`` and the number it will write to ``pending``."""
    _check_line_length(config)
    candidates, files_of, link_errors = find_candidates(config, paths)
    errors: list[FileError] = list(link_errors)
    snapshots: dict[Path, Snapshot] = {}
    work: list[tuple[Path, str, bytes]] = []
    for candidate in candidates:
        try:
            snapshot = read_snapshot(candidate.path)
        except WriteRefused as exc:
            errors.append(FileError(candidate.path, exc.message))
            continue
        if not def_pattern(candidate.targets).search(snapshot.data):
            continue
        snapshots[candidate.path] = snapshot
        work.append((candidate.path, candidate.module, snapshot.data))

    jobs = default_jobs() if jobs is None else max(1, jobs)
    if jobs > 1 and len(work) >= POOL_THRESHOLD and sum(len(data) for _, _, data in work) >= POOL_MIN_BYTES:
        results = _transform_in_pool(work, config, select, jobs)
    else:
        results = [transform_source(path, module, data, config, select) for path, module, data in work]
    results.sort(key=lambda r: str(r.path))

    errored: set[Path] = set()
    for result in results:
        if result.error is not None:
            errors.append(FileError(result.path, result.error))
            errored.add(_real_path(result.path))
    for file_error in errors:
        errored.add(_real_path(file_error.path))

    if write:
        pending.append(sum(1 for result in results if result.changed))
    for result in results:
        if not result.changed:
            continue
        if not write:
            problem = preview_problem(snapshots[result.path])
            if problem is not None:
                errors.append(FileError(result.path, problem))
            continue
        try:
            # a stop signal waits until this file is replaced and recorded (or left as it was)
            with signals_deferred():
                if write_if_changed(snapshots[result.path], result.updated):
                    written.append(result)
        except WriteRefused as exc:
            errors.append(FileError(result.path, exc.message))

    seen = {name for r in results for name in r.targets_seen}
    scopes = _scopes(config, paths)
    not_found = [
        _not_found(config, target)
        for target in config.entry_points
        if str(target) not in seen
        and not (set(files_of[target]) & errored)
        and (not files_of[target] or any(_within(p, scopes) for p in files_of[target]))
    ]
    return ApplyReport(
        files=tuple(results),
        not_found=tuple(not_found),
        errors=tuple(sorted(errors)),
        written=tuple(result.path for result in written),
        parsed_files=len(work),
    )


def _check_line_length(config: Config) -> None:
    """Raises :class:`~thor_guard.errors.ConfigError` when the project's formatter configuration gives a line length
    the formatter would refuse: every rewrite wraps to it, so it is decided once, before any file is read."""
    from codemods.style import LineLengthError, project_line_length

    try:
        project_line_length(config.project_root)
    except LineLengthError as exc:
        raise ConfigError(exc.message, exc.path) from None


def _not_found(config: Config, target: Target) -> Finding:
    where = config.config_file or config.project_root
    if target.module_is_pattern:
        reason = "no function matches"
    elif not resolve_target_modules(target, config.source_roots, config.exclude):
        reason = f"module {target.module} was not found under the source roots"
    else:
        reason = f"no function {target.qualname} in module {target.module}"
    return Finding(
        path=Path(where),
        line=1,
        column=1,
        code="TG008",
        message=f"entry point {target} not found: {reason} (renamed or moved?); apply never invents one",
        entry_point=str(target),
    )


_LINE = re.compile(rb"[^\n]*\n|[^\n]+\Z")


def _git_lines(data: bytes) -> list[bytes]:
    """Lines as git sees them: split after ``\n`` only (a form feed, a lone CR or a BOM stay content)."""
    return _LINE.findall(data)


_C_ESCAPES = {0x07: b"\\a", 0x08: b"\\b", 0x09: b"\\t", 0x0A: b"\\n", 0x0B: b"\\v", 0x0C: b"\\f", 0x0D: b"\\r", 0x22: b'\\"', 0x5C: b"\\\\"}


def _git_quoted(path: bytes) -> bytes:
    """``path`` as git writes it in a patch header: C-quoted in double quotes when it holds a control character, a
    double quote or a backslash (git's ``quote_c_style``; a tab would otherwise end the name for ``git apply``:
    hostile apply review 16, F5), else as it is (spaces and UTF-8 bytes need no quoting)."""
    if not any(byte < 0x20 or byte in (0x22, 0x5C, 0x7F) for byte in path):
        return path
    quoted = b"".join(_C_ESCAPES.get(byte) or (b"\\%03o" % byte if byte < 0x20 or byte == 0x7F else bytes([byte])) for byte in path)
    return b'"' + quoted + b'"'


def unified_diff(result: FileResult, display_path: str) -> bytes:
    """A ``git apply``-compatible unified diff of one file's change, byte for byte.

    The file's own bytes are compared (no decoding), so a BOM, a legacy
    encoding, CRLF endings and form feeds reach the patch exactly as they
    are on disk; only ``\n`` ends a line, as in git.
    """
    label = os.fsencode(display_path)
    lines: list[bytes] = []
    for line in difflib.diff_bytes(
        difflib.unified_diff, _git_lines(result.original), _git_lines(result.updated), _git_quoted(b"a/" + label), _git_quoted(b"b/" + label)
    ):
        if line.endswith(b"\n"):
            lines.append(line)
        else:
            lines.append(line + b"\n\\ No newline at end of file\n")
    return b"".join(lines)
