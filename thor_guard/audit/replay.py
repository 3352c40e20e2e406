"""Replay a warm ``thor-guard audit`` from stats alone: the last run's output, when none of its inputs changed.

A warm audit already skips all analysis (the run key in
:mod:`thor_guard.audit.cache` matches), but it still imports click, the
configuration loader, the audit engine and the renderers - several times the
cost of starting the interpreter, which made "warm >= 10x faster than cold"
unreachable on small trees whose cold run is itself quick. This module is
what the console script runs *before* importing anything of the CLI: it only
uses ``os``, ``sys`` and ``marshal`` (all loaded by the interpreter anyway).

The record (``.thor_guard_cache/audit-replay-v1.marshal`` beside the
project's other cache files) holds the exact command line, working
directory, interpreter, relevant environment variables and output encoding
of the run that wrote it; its stdout, stderr and exit code; and a stat
signature of every input the run depended on:

- every ``.py`` file the audit walked (``(mtime_ns, size, inode)``) and every
  directory it listed (``mtime_ns``: adding, removing or renaming a file
  changes it);
- the configuration file, and each directory from the start path up to it
  (a new ``pyproject.toml`` in between would change which one is found);
- thor-guard's own source (the ``thor_guard`` and ``heartbeat`` packages) and
  the directories on ``sys.path`` (installing or upgrading libcst changes
  them).

A replay happens only when all of these are equal, stdout and stderr are
not terminals (colour and width then never matter), ``--no-cache`` is not
given, and the record was written by the console script with the same
arguments. Anything else - a missing, damaged or foreign record, a single
changed stat - is a miss, and the normal run proceeds (and writes a new
record). A replay is therefore never staler than the run-key check of the
normal warm path: it reads the same stats plus more.
"""

from __future__ import annotations

import marshal
import os
import sys

TYPE_CHECKING = False  # typing and collections.abc are not loaded at interpreter start; the replay path must not pay for them
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

RECORD_NAME = "audit-replay-v1.marshal"
CACHE_DIR_NAME = ".thor_guard_cache"  # the same directory as thor_guard.audit.cache (not imported: too heavy here)
FORMAT = 1
ENVIRONMENT = ("NO_COLOR", "FORCE_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM", "COLUMNS", "LANG", "LC_ALL", "LC_CTYPE", "PYTHONIOENCODING", "PYTHONUTF8")
"""Environment variables that can change what the command prints."""

COMMAND_LINE: tuple[str, ...] | None = None
"""The console script's arguments, set by :func:`try_replay`; records are written only for console-script runs."""

Signature = "tuple[int, ...] | None"


def _file_signature(path: str) -> Signature:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def _dir_signature(path: str) -> Signature:
    try:
        return (os.stat(path).st_mtime_ns,)
    except OSError:
        return None


def _code_files() -> list[str]:
    """thor-guard's own source files whose change may change an audit's output."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    found: list[str] = []
    for top in (package, os.path.join(os.path.dirname(package), "heartbeat")):
        for directory, dirnames, names in os.walk(top):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            found.extend(os.path.join(directory, name) for name in sorted(names) if name.endswith(".py"))
            found.append(directory)
    return found


def _header(argv: Sequence[str]) -> tuple[object, ...]:
    """Everything besides file stats that the output depends on."""
    stdout_encoding = getattr(sys.stdout, "encoding", None)
    stderr_encoding = getattr(sys.stderr, "encoding", None)
    return (
        FORMAT,
        tuple(argv),
        os.getcwd(),
        sys.version,
        sys.executable,
        tuple(sys.path),
        tuple((name, os.environ.get(name)) for name in ENVIRONMENT),
        stdout_encoding,
        stderr_encoding,
    )


def _interactive() -> bool:
    try:
        return sys.stdout.isatty() or sys.stderr.isatty()
    except (AttributeError, ValueError):
        return True


def _replayable(argv: Sequence[str]) -> bool:
    return bool(argv) and argv[0] == "audit" and "--no-cache" not in argv and not _interactive()


_VALUED_OPTIONS = frozenset({"--config", "--format", "--select", "--ignore", "--fail-on", "-j", "--jobs"})
"""``audit``'s options that take a value (the value is not a path argument)."""


def _positionals(argv: Sequence[str]) -> list[str]:
    """The PATHS arguments of ``audit`` (after ``argv[0] == "audit"``)."""
    found: list[str] = []
    skip = False
    only_paths = False
    for argument in argv[1:]:
        if skip:
            skip = False
        elif only_paths or not argument.startswith("-") or argument == "-":
            found.append(argument)
        elif argument == "--":
            only_paths = True
        elif argument in _VALUED_OPTIONS:
            skip = True
    return found


def _starts(argv: Sequence[str]) -> list[str]:
    """Where the record may live: above every existing path argument, else above the cwd."""
    starts = [os.path.abspath(a) for a in _positionals(argv) if os.path.exists(a)]
    return starts or [os.getcwd()]


def _find_record(argv: Sequence[str]) -> str | None:
    for start in _starts(argv):
        directory = start if os.path.isdir(start) else os.path.dirname(start)
        while True:
            candidate = os.path.join(directory, CACHE_DIR_NAME, RECORD_NAME)
            if os.path.isfile(candidate):
                return candidate
            parent = os.path.dirname(directory)
            if parent == directory:
                break
            directory = parent
    return None


def try_replay(argv: Sequence[str]) -> int | None:
    """Write the recorded output and return its exit code, or None when the normal run must proceed.

    Never raises for a bad record: any problem is a miss.
    """
    global COMMAND_LINE
    COMMAND_LINE = tuple(argv)
    if not _replayable(argv):
        return None
    path = _find_record(argv)
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            record = marshal.load(handle)
        header, signatures, stdout, stderr, code = record
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if header != _header(argv) or not isinstance(signatures, dict):
        return None
    for name, signature in signatures.items():
        current = _dir_signature(name) if signature is not None and len(signature) == 1 else _file_signature(name)
        if current != signature:
            return None
    try:
        sys.stdout.write(stdout)
        sys.stdout.flush()
        if stderr:
            sys.stderr.write(stderr)
            sys.stderr.flush()
    except (UnicodeEncodeError, OSError):
        # Not expected (the record was only written when its text encodes); a closed pipe is handled
        # by the normal run, which reports it the way every other command does.
        return None
    return int(code)


def _chain(start: str, stop: str) -> list[str]:
    """Directories from ``start`` up to ``stop`` (inclusive); just ``start`` when ``stop`` is not above it."""
    directory = start if os.path.isdir(start) else os.path.dirname(start)
    chain = [directory]
    while directory != stop:
        parent = os.path.dirname(directory)
        if parent == directory:
            return chain[:1]
        directory = parent
        chain.append(directory)
    return chain


def remember(
    cache_dir: str,
    config_file: str | None,
    configured: bool,
    files: Iterable[tuple[str, tuple[int, int, int]]],
    directories: Iterable[str],
    stdout: str,
    stderr: str,
    code: int,
) -> None:
    """Store the output of a console-script audit run for :func:`try_replay` (skipped silently when it cannot be).

    ``files`` are the walked ``.py`` files with the stat key the walk saw;
    ``directories`` the directories it listed; ``config_file`` the
    configuration that was read (None: built-in defaults).
    """
    argv = COMMAND_LINE
    if argv is None or not _replayable(argv):
        return
    if config_file is None or not configured:
        return  # discovery walked to the filesystem root: too many inputs to be worth recording
    positionals = _positionals(argv)
    if not all(os.path.exists(p) for p in positionals):
        return  # a missing path is reported; whether it still is missing is not a stat of anything recorded
    signatures: dict[str, Signature] = {path: (key[0], key[1], key[2]) for path, key in files}
    for given in positionals:
        absolute = os.path.abspath(given)
        signatures[absolute] = _dir_signature(absolute) if os.path.isdir(absolute) else _file_signature(absolute)
    for directory in directories:
        signatures[directory] = _dir_signature(directory)
    signatures[config_file] = _file_signature(config_file)
    if "--config" not in argv and not any(a.startswith("--config=") for a in argv):
        root = os.path.dirname(os.path.abspath(config_file))
        for start in _starts(argv):
            for directory in _chain(start, root):
                signatures[directory] = _dir_signature(directory)
    for path in _code_files():
        signatures[path] = _dir_signature(path) if os.path.isdir(path) else _file_signature(path)
    for entry in sys.path:
        if entry and os.path.isdir(entry):
            signatures[entry] = _dir_signature(entry)
    if any(signature is None for signature in signatures.values()):
        return
    try:
        stdout.encode(getattr(sys.stdout, "encoding", None) or "utf-8")
        stderr.encode(getattr(sys.stderr, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return  # the normal run degrades such output; a replay would not
    record = (_header(argv), signatures, stdout, stderr, int(code))
    target = os.path.join(cache_dir, RECORD_NAME)
    temporary = f"{target}.{os.getpid()}.tmp"
    try:
        os.makedirs(cache_dir, exist_ok=True)
        with open(temporary, "wb") as handle:
            marshal.dump(record, handle)
        os.replace(temporary, target)
    except (OSError, ValueError):
        try:
            os.unlink(temporary)
        except OSError:
            pass
