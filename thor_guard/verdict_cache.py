"""``check``'s verdict cache: one small file per analysed source file in ``.thor_guard_cache/check-v1/``.

A warm ``thor-guard check`` (nothing relevant changed) reads each entry-point
file, hashes it, finds its entry here and re-validates what the verdicts read
besides that file (see :class:`Probe`) - without importing libcst.

Keys and invalidation
    An entry is keyed by the file's **content** (BLAKE2b of its bytes), its
    module name, its path and :func:`code_key` (thor-guard's version plus the
    size and mtime of every source file of ``thor_guard/``, of
    ``heartbeat/mode.py``, which defines the mode variable's value space, and
    of libcst's version file). It holds the file's function names (or its
    parse error) and, per (configuration fingerprint, matched functions), an
    :class:`Outcome`: the findings plus every other file the verification
    consulted, each with what was seen then (its path, its content hash,
    whether a package shadows it). An outcome is used only when every probe
    still sees the same, so an edit to a helper or constant module, a module
    appearing or disappearing under a source root, or a shadowing package
    invalidates exactly the verdicts that read it.

Size and eviction
    At most :data:`MAX_ENTRIES` entry files and :data:`MAX_BYTES` bytes; a hit
    refreshes the entry's mtime, and after a run that wrote entries the least
    recently used ones (oldest mtime) are deleted until both bounds hold
    again. Each entry keeps its :data:`MAX_OUTCOMES` newest outcomes.

Concurrency and damage
    Entries are written to a temporary file and renamed into place, so a
    concurrent run sees the old entry, the new one, or none. An unreadable,
    truncated or foreign entry is a miss, never an error; so is a cache
    directory that cannot be created (read-only checkout).

The directory and its markers (``CACHEDIR.TAG``, ``.gitignore``) are shared
with the audit cache (:mod:`thor_guard.audit.cache`); ``--no-cache`` turns
both off.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import marshal
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from thor_guard import __version__
from thor_guard.findings import Finding
from thor_guard.stdlib_shadows import startup_hooks, stdlib_shadows
from thor_guard.targets import module_file_candidates

try:  # the BLAKE2 module itself: ``hashlib`` would also load OpenSSL (_hashlib), a few ms a warm run does not need
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

if TYPE_CHECKING:
    import pathspec
    from collections.abc import Iterable, Iterator

    from thor_guard.config import Config

CACHE_DIR_NAME = ".thor_guard_cache"
"""Shared with the audit cache (``thor_guard.audit.cache.CACHE_DIR_NAME``; a test keeps them equal)."""
SUBDIR = "check-v1"
FORMAT = 5
"""Bump when :class:`Outcome` or the entry layout changes."""
MAX_ENTRIES = 4096
RACY_NS = 2_000_000_000
"""A file changed less than this long (ns) before its signature was taken is always re-hashed (see :func:`file_signature`)."""
MAX_BYTES = 64 * 1024 * 1024
MAX_OUTCOMES = 8
MARKERS = {
    "CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n# thor-guard audit cache; safe to delete.\n",
    ".gitignore": "# Created by thor-guard audit: the cache never belongs in version control.\n*\n",
}
"""The same files, with the same text, that the audit cache writes (whichever command runs first creates them)."""

# Configuration fields that do not reach a verdict: the entry-point list is part of each outcome's key
# (as the matched functions), the rest is audit's, the heartbeat's or the config file's own business.
# Any other field, including one added later, is part of the fingerprint: a new option invalidates
# rather than serving a stale verdict.
_NOT_IN_FINGERPRINT = frozenset(
    {"project_root", "config_file", "entry_points", "preset", "exclude", "audit_allow", "audit_spawners", "log_level", "heartbeat", "uses_preset", "configured"}
)


def digest(data: bytes) -> str:
    """BLAKE2b-128 of ``data`` as hex: the content hash of every key and probe."""
    return blake2b(data, digest_size=16).hexdigest()


def file_signature(path: Path) -> str:
    """``size:mtime_ns:ctime_ns:inode:content hash`` of a file (``missing`` / ``unreadable:errno`` when it cannot be read).

    The stat part lets :func:`same_file` skip reading the file; it is left
    empty (``::::hash``, always re-hashed) when the file changed within the
    last :data:`RACY_NS` - a second same-size write inside the file system's
    timestamp granularity would keep every stat field (git's "racy clean"
    problem, solved the same way).
    """
    try:
        st = path.stat()
        data = path.read_bytes()
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        return f"unreadable:{exc.errno}"
    if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < RACY_NS:
        return f"::::{digest(data)}"
    return f"{_stat_key(st)}:{digest(data)}"


def _stat_key(st: os.stat_result) -> str:
    # ctime and the inode cannot be set back by `touch -d`, `cp -p`, `tar x` or `rsync -a`, which preserve size
    # and mtime over a different content: all four must match for the stat to stand for the content.
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"


def same_file(path: Path, signature: str | None) -> bool:
    """Whether ``path`` still has the content :func:`file_signature` recorded.

    Size, mtime, ctime and inode all equal to the recorded ones are taken as
    the same content (one ``stat``; none of them can be restored by the tools
    that copy a file with its times); otherwise the content is read and its
    hash compared, so a touch without an edit stays valid.
    """
    if signature is None:
        return False
    stat_key, _, content = signature.rpartition(":")
    if not stat_key or signature.startswith("unreadable:"):  # missing / unreadable then: valid only if still so
        return file_signature(path) == signature
    try:
        st = path.stat()
    except OSError:
        return False
    if stat_key != "::::" and _stat_key(st) == stat_key:
        return True
    try:
        return digest(path.read_bytes()) == content
    except OSError:
        return False


def lookups_signature(names: Iterable[str], roots: Iterable[Path], listings: dict[str, frozenset[str] | None] | None = None) -> str:
    """Where each dotted module name resolves under ``roots`` now: a hash of which candidate files exist.

    The candidates are those of :func:`thor_guard.targets.find_module_file`
    (``root/a/b.py``, ``root/a/b/__init__.py`` for every root, in order). A
    directory is listed at most once (``listings``, shareable across calls
    of one run), and only when its parent's listing shows it exists, so the
    many names of other packages (``os``, ``re``) cost no system call; a name
    found in a listing is then confirmed to be a file.
    """
    listings = {} if listings is None else listings
    bits = bytearray()
    bases = [str(root) for root in roots]
    missing_top = False
    for name in names:
        for base in bases:
            memo = f"\0{base}\0{name}"
            known = listings.get(memo)  # this name's two bits, found by an earlier probe of the run
            if known is None:
                known = listings[memo] = _KNOWN[_candidates(name, base, listings)]
            bits += _BITS[known]
        if "." not in name and not any(bits[len(bits) - 2 * len(bases):]):
            # A top-level name found under no root: whether the checkout marks it as the project's own (a template,
            # a .gitignore line) decides between TG009 and assumption 7 (verifier/loads.py), so it is part of
            # where the name "resolves": adding `local_settings.py.example` must invalidate the verdict.
            bits.append(2 if _has_template(name, bases, listings) else 3)
            missing_top = True
    if missing_top:
        # ... and so is every .gitignore that checkout_owns may read, by content: a warm run compares the texts and
        # never compiles git's rules (pathspec is imported only by a verification that needs the answer).
        for base in bases:
            for directory in _gitignore_directories(os.path.abspath(base)):
                bits += b"\0" + "\n".join(_gitignore_lines(directory, listings)).encode("utf-8", "surrogatepass")
    return digest(bytes(bits))


TEMPLATE_SUFFIXES = ("_example.py", "_sample.py", "_template.py", "_dist.py", "_default.py", ".example.py", ".sample.py", ".template.py", ".dist.py")
"""Names of a template of module ``top`` beside where it would be: ``top`` + one of these (also ``top.py.<anything>``)."""


def checkout_owns(top: str, roots: Iterable[Path | str], listings: dict[str, frozenset[str] | None] | None = None) -> bool:
    """Whether the checkout marks top-level module ``top``, found under no root, as the project's own, written where
    it runs (hostile review 7, R7-8): a template beside where it would be (``local_settings.py.example``,
    ``local_settings.py.deploy``, ``local_settings_example.py``, ``local_settings.sample.py``) in a source root, or a
    ``.gitignore`` that ignores the file it would be (``<root>/top.py``, ``<root>/top/``), read with git's rules
    (hostile review 9, R9-14: ``src/local_settings.py``, ``/src/local_settings.py``, ``*/local_settings.py``,
    ``local_settings*.py``, negations) by :mod:`pathspec`, when it does not ignore an unrelated module there as well
    (``*``, ``*.py``, ``src/`` ignore everything: they name no module). The ``.gitignore`` files read are those of the source root,
    its parent, and further ancestors up to the one holding ``.git`` (at most :data:`_GITIGNORE_DEPTH` levels); a
    line spelling the module's name (``top``, ``/top.py``, ``top/``...) counts in any of them, whatever git's anchoring.

    ``listings`` memoises directory listings and ``.gitignore`` texts for one run (shared with
    :func:`lookups_signature`, which records this answer so that the verdict cache sees a template or a
    ``.gitignore`` line appear or go). Reads only the file system; never raises for a missing or unreadable file.
    """
    listings = {} if listings is None else listings
    spellings = {f"{top}.py", f"/{top}.py", f"{top}/", f"/{top}/", f"**/{top}.py", f"**/{top}/", top, f"/{top}"}
    for root in roots:
        base = str(root)
        if _has_template(top, (base,), listings):
            return True
        for directory in _gitignore_directories(base):
            lines = _gitignore_lines(directory, listings)
            if not lines:
                continue
            if spellings.intersection(lines):
                return True  # the spellings read before git's rules (kept: a line naming the module marks it)
            spec = _gitignore_spec(lines)
            where = os.path.relpath(base, directory).replace(os.sep, "/")
            prefix = "" if where == "." else where + "/"
            # A rule that ignores any module there (`*`, `*.py`, `src/`: a cache directory's, or an ignore-all
            # whitelist) says nothing about this one: the module must be ignored where an unrelated name is not.
            if any(spec.match_file(prefix + c) for c in (f"{top}.py", f"{top}/", f"{top}/__init__.py")) and not any(
                spec.match_file(prefix + c) for c in (f"{_UNRELATED}.py", f"{_UNRELATED}/__init__.py")
            ):
                return True
    return False


_UNRELATED = "zz_thor_guard_unrelated_module"
"""A module name no ``.gitignore`` names: a rule ignoring it too ignores modules in general, not the one asked about."""
_GITIGNORE_DEPTH = 6
"""Ancestors of a source root whose ``.gitignore`` is read at most (the search stops at the one holding ``.git``)."""


def _has_template(top: str, bases: Iterable[str], listings: dict[str, frozenset[str] | None]) -> bool:
    """Whether a template of module ``top`` (``top.py.<anything>``, ``top`` + one of :data:`TEMPLATE_SUFFIXES`) lies
    in one of the source roots ``bases`` (listed once per run through ``listings``)."""
    templates = {top + suffix for suffix in TEMPLATE_SUFFIXES}
    for base in bases:
        entries = _package_listing("", base, listings) or ()
        if any(e.startswith(f"{top}.py.") or e in templates for e in entries):
            return True
    return False


def _gitignore_directories(base: str) -> list[str]:
    """The source root ``base`` and its parent, then further ancestors while inside a repository, up to the one
    holding ``.git`` (at most :data:`_GITIGNORE_DEPTH` levels): the directories whose ``.gitignore`` applies to
    files in ``base``."""
    found = [base]
    current = base
    for _ in range(_GITIGNORE_DEPTH):
        if len(found) > 1 and (os.path.exists(os.path.join(current, ".git")) or not _has_git_above(current)):
            break  # the repository's top (nothing above applies), or no repository around: root and parent only
        parent = os.path.dirname(current)
        if not parent or parent == current:
            break
        found.append(parent)
        current = parent
    return found


def _has_git_above(directory: str) -> bool:
    """Whether ``directory`` or an ancestor within :data:`_GITIGNORE_DEPTH` levels holds ``.git``."""
    current = directory
    for _ in range(_GITIGNORE_DEPTH):
        if os.path.exists(os.path.join(current, ".git")):
            return True
        parent = os.path.dirname(current)
        if not parent or parent == current:
            return False
        current = parent
    return False


@functools.lru_cache(maxsize=256)
def _gitignore_spec(lines: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    """The compiled git rules of one ``.gitignore`` (imported here: a warm cache hit never needs it)."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _gitignore_lines(directory: str, listings: dict[str, frozenset[str] | None]) -> tuple[str, ...]:
    """The lines of ``directory/.gitignore`` in order (empty when it cannot be read), memoised in ``listings`` (as
    the one-element set of the file's text: the memo holds sets)."""
    memo = f"\2{directory}"
    text = listings.get(memo)
    if text is None:
        try:
            with open(os.path.join(directory, ".gitignore"), encoding="utf-8", errors="replace") as handle:
                text = frozenset({handle.read()})
        except OSError:
            text = frozenset({""})
        listings[memo] = text
    return tuple(line.strip() for line in next(iter(text)).splitlines() if line.strip())


def _candidates(name: str, base: str, listings: dict[str, frozenset[str] | None]) -> tuple[int, int]:
    """Whether ``base/a/b.py`` and ``base/a/b/__init__.py`` exist for ``name`` ``a.b`` (1/0 each).

    A warm check asks this for a few thousand names: directories are memoised
    by dotted package name, so a name costs dictionary look-ups and, only
    when its file is listed, one ``stat``. Names that are not plain dotted
    words (and a root ending in a separator) take the general path-joining
    route, which gives the same answer.
    """
    parts = name.split(".")
    if "" in parts or os.sep in name or (os.altsep and os.altsep in name) or base.endswith(os.sep):
        directory = os.path.join(base, *parts[:-1])
        return (
            _is_file(directory, parts[-1] + ".py", listings, base),
            _is_file(os.path.join(directory, parts[-1]), "__init__.py", listings, base),
        )
    package, _, leaf = name.rpartition(".")
    above = _package_listing(package, base, listings)
    module_file = 1 if above is not None and leaf + ".py" in above and os.path.isfile(_under(base, package, leaf + ".py")) else 0
    own = _package_listing(name, base, listings)
    init_file = 1 if own is not None and "__init__.py" in own and os.path.isfile(_under(base, name, "__init__.py")) else 0
    return module_file, init_file


def _package_listing(package: str, base: str, listings: dict[str, frozenset[str] | None]) -> frozenset[str] | None:
    """The entries of ``base/<package as a path>`` ("" is ``base``), listed only when its parent's listing has it."""
    memo = f"\1{base}\0{package}"
    if memo in listings:
        return listings[memo]
    listing: frozenset[str] | None = None
    parent, _, leaf = package.rpartition(".")
    if not package or leaf in (_package_listing(parent, base, listings) or ()):
        try:
            listing = frozenset(os.listdir(_under(base, package, "") if package else base))
        except OSError:
            listing = None
    listings[memo] = listing
    return listing


def _under(base: str, package: str, leaf: str) -> str:
    """``os.path.join(base, *package.split("."), leaf)`` for a dotted ``package`` of plain words ("" adds nothing)."""
    path = base + os.sep + package.replace(".", os.sep) if package else base
    return path + os.sep + leaf if leaf else path


_KNOWN = {(a, b): frozenset(str(i) for i, bit in enumerate((a, b)) if bit) for a in (0, 1) for b in (0, 1)}
"""A name's two candidate bits as the frozenset ``listings`` memoises them (the indices of the files that exist)."""
_BITS = {known: bytes((1 if "0" in known else 0, 1 if "1" in known else 0)) for known in _KNOWN.values()}


def _is_file(directory: str, name: str, listings: dict[str, frozenset[str] | None], base: str) -> int:
    listing = _listing(directory, listings, base)
    return 1 if listing is not None and name in listing and os.path.isfile(os.path.join(directory, name)) else 0


def _listing(directory: str, listings: dict[str, frozenset[str] | None], base: str) -> frozenset[str] | None:
    """The entries of ``directory`` (None: not a directory); a directory below ``base`` is listed only if its
    parent's listing has it."""
    if directory in listings:
        return listings[directory]
    listing: frozenset[str] | None = None
    parent, _, leaf = directory.rpartition(os.sep)
    if directory == base or not parent.startswith(base) or leaf in (_listing(parent, listings, base) or ()):
        try:
            listing = frozenset(os.listdir(directory))
        except OSError:
            listing = None
    listings[directory] = listing
    return listing


def module_locations(name: str, roots: Iterable[Path]) -> tuple[str, ...]:
    """:func:`own_locations` under ``roots``, then the :func:`namespace_rivals` of ``name`` (outside them)."""
    roots = tuple(roots)
    return own_locations(name, roots) + namespace_rivals(name, roots)


def own_locations(name: str, roots: Iterable[Path]) -> tuple[str, ...]:
    """Every file under ``roots`` that ``import name`` may load, in root order: ``a/b.py`` and ``a/b/__init__.py`` in
    each root, and compiled extension modules beside them (``b.so``, ``b.*.so``, ``b.pyd``, ``b.*.pyd``, any platform
    tag). ``check``'s verdict cache compares it (a module appearing in a second root, or a build leaving a ``.so``,
    changes the verdicts that resolved ``name``). Lives here, free of libcst, because a warm ``check`` re-validates
    it without loading the verifier."""
    found: list[str] = []
    parts = name.split(".")
    for root in roots:
        for candidate in module_file_candidates(name, root):
            if candidate.is_file():
                found.append(str(candidate))
        directory = root.joinpath(*parts[:-1])
        try:
            entries = sorted(os.listdir(directory))
        except OSError:
            continue
        stem = parts[-1] + "."
        found.extend(
            str(directory / entry)
            for entry in entries
            if entry.startswith(stem) and entry.endswith((".so", ".pyd")) and (directory / entry).is_file()
        )
    return tuple(found)





def namespace_rivals(name: str, roots: Iterable[Path]) -> tuple[str, ...]:
    """Files that make ``import name`` load something else than the project's namespace package ``name``.

    When every prefix of ``name`` is, under ``roots``, only a directory without ``__init__.py`` (an implicit
    namespace package), Python's path finder gives the namespace package only if *no* entry of ``sys.path`` has a
    regular package (``name/__init__.py``), a module (``name.py``) or a compiled extension of that name, wherever
    that entry is in the order (hostile review 6, R6-2). The answer lists those files on the verifier's
    ``sys.path`` (assumption 9: the third-party layout the verifier sees is the one that runs) and in the other
    source roots; empty when ``name`` is not a namespace package of the project. Lives here, free of libcst,
    because a warm ``check`` re-validates it (through :func:`module_locations`).
    """
    parts = name.split(".")
    root_list = [Path(root) for root in roots]
    for index in range(1, len(parts) + 1):
        prefix = ".".join(parts[:index])
        relative = Path(*parts[:index])
        namespaces = [root for root in root_list if (root / relative).is_dir() and not (root / relative / "__init__.py").is_file()]
        if not namespaces:
            return ()  # not a namespace package of the project (a regular package's __path__ is its own directory)
        regular = own_locations(prefix, root_list)
        if regular:
            return regular  # a regular package or module of the name in another source root wins in any order
    found: list[str] = []
    inside = {str(root.resolve()) for root in root_list if root.is_dir()}
    for entry in sys.path:
        base = Path(entry or ".")
        try:
            if str(base.resolve()) in inside or not base.is_dir():
                continue
        except OSError:
            continue
        found.extend(own_locations(name, (base,)))
    return tuple(found)


def extensions_signature(files: Iterable[str]) -> str:
    """What decides whether a compiled file shadows one of ``files`` (walked ``.py`` sources).

    ``dirstat|extensions``: a hash of the stats (mtime, ctime, inode) of each directory and of its ``__pycache__``
    (empty when one changed within :data:`RACY_NS`), then a hash of the extension files (``util.*.so``,
    ``util.pyd``, ``__init__.*.so``) beside each source and of the unchecked-hash pycs for them
    (:func:`unchecked_pyc`). :func:`same_extensions` accepts unchanged stats with two ``stat`` calls per directory
    and lists a directory only when it changed (writing a pyc replaces a file in ``__pycache__``, which changes
    that directory's stats).
    """
    stems = _stems_by_directory(files)
    return f"{_directory_stats(stems)}|{_extension_entries(stems)}"


def same_extensions(files: Iterable[str], signature: str) -> bool:
    """Whether :func:`extensions_signature` of ``files`` would still be ``signature`` (see there)."""
    stats, _, entries = signature.partition("|")
    stems = _stems_by_directory(files)
    if stats and _directory_stats(stems) == stats:
        return True
    return _extension_entries(stems) == entries


PYC_UNCHECKED_HASH = 0b01
"""PEP 552 flags of a hash-based pyc the import system runs without comparing the hash with the source's."""


def unchecked_pyc(source: Path | str) -> Path | None:
    """A ``__pycache__`` file of ``source`` (``pkg/__pycache__/util.cpython-311.pyc``, any interpreter tag and
    optimisation level) whose 16-byte header says *unchecked hash* (flags ``0b01``), or None.

    The import system loads such a pyc without looking at the source (``compileall --invalidation-mode
    unchecked-hash``, distribution packages), so its code, not the source the verifier read, runs. Every tag is
    read: the interpreter that runs the project may not be the one running the verifier (hostile review 6, R6-11).
    Reads one directory listing and 16 bytes per candidate; an unreadable header counts as none.
    """
    path = Path(source)
    if path.suffix != ".py":
        return None
    cache = path.parent / "__pycache__"
    try:
        entries = sorted(os.listdir(cache))
    except OSError:
        return None
    prefix = path.name[: -len(".py")] + "."
    for entry in entries:
        if entry.startswith(prefix) and entry.endswith(".pyc"):
            try:
                with open(cache / entry, "rb") as handle:
                    header = handle.read(16)
            except OSError:
                continue
            if len(header) == 16 and int.from_bytes(header[4:8], "little") == PYC_UNCHECKED_HASH:
                return cache / entry
    return None


def _stems_by_directory(files: Iterable[str]) -> dict[str, set[str]]:
    stems: dict[str, set[str]] = {}
    for file in files:
        directory, _, name = file.rpartition(os.sep)
        if name.endswith(".py"):
            stems.setdefault(directory, set()).add(name[: -len(".py")] + ".")
    return stems


def _directory_stats(stems: dict[str, set[str]]) -> str:
    parts = []
    now = time.time_ns()
    for directory in sorted(stems):
        for where in (directory, f"{directory}{os.sep}__pycache__"):
            try:
                st = os.stat(where)
            except OSError:
                parts.append(f"{where}:missing")
                continue
            if now - max(st.st_mtime_ns, st.st_ctime_ns) < RACY_NS:
                return ""  # changed just now: a second change within the timestamp granularity would keep the stats
            parts.append(f"{where}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}")
    return digest("\n".join(parts).encode("utf-8", "surrogateescape"))


def _extension_entries(stems: dict[str, set[str]]) -> str:
    found = []
    for directory in sorted(stems):
        try:
            entries = os.listdir(directory)
        except OSError:
            continue
        wanted = stems[directory]
        found.extend(
            f"{directory}/{entry}"
            for entry in entries
            if entry.endswith((".so", ".pyd")) and any(entry.startswith(stem) for stem in wanted)
        )
        found.extend(
            f"unchecked:{pyc}" for pyc in (unchecked_pyc(f"{directory}{os.sep}{stem}py") for stem in sorted(wanted)) if pyc is not None
        )
    return digest("\n".join(sorted(found)).encode("utf-8", "surrogateescape"))


_LAYOUT_READS: list[set[str]] = []
"""The third-party names :func:`module_prefix_length` answered for, per active recording (``check``'s cache)."""


def module_prefix_length(dotted: str) -> int:
    """How many leading components of ``dotted`` name a module findable on ``sys.path`` (no code is imported).

    At least 1: a top-level name not found (not installed where the verifier runs) is taken as a module and
    everything below it as objects, which is the conservative reading for the verifier's ``foreign_object``
    (docs/check.md, assumption 9). Every name asked is noted for the active :func:`recording_layout`: a cached
    verdict depends on these answers, and a dependency upgrade that turns ``libx.conf`` from a module into an
    object changes one (hostile review 5, R5-20).
    """
    for reads in _LAYOUT_READS:
        reads.add(dotted)
    return _prefix_length(dotted)


@contextlib.contextmanager
def recording_layout() -> Iterator[set[str]]:
    """Collect the dotted names :func:`module_prefix_length` is asked about inside the block."""
    reads: set[str] = set()
    _LAYOUT_READS.append(reads)
    try:
        yield reads
    finally:
        _LAYOUT_READS.remove(reads)


def layout_signature(names: Iterable[str]) -> str:
    """Hash of :func:`module_prefix_length` of each name, as the verifier's ``sys.path`` answers it now."""
    return digest("\n".join(f"{name}={_prefix_length(name)}" for name in names).encode("utf-8", "surrogateescape"))


@functools.lru_cache(maxsize=4096)
def _prefix_length(dotted: str) -> int:
    from importlib.machinery import PathFinder

    parts = dotted.split(".")
    try:
        spec = PathFinder.find_spec(parts[0])
    except (ImportError, ValueError):
        return 1
    depth = 1
    while spec is not None and depth < len(parts):
        locations = spec.submodule_search_locations
        if not locations:
            break
        try:
            spec = PathFinder.find_spec(".".join(parts[: depth + 1]), list(locations))
        except (ImportError, ValueError):
            break
        if spec is None:
            break
        depth += 1
    return depth


def config_fingerprint(config: Config) -> str:
    """Hash of every configuration field a verdict can depend on (mode variable, values, helpers, roots, strict…)."""
    parts = [(f.name, repr(getattr(config, f.name))) for f in dataclasses.fields(config) if f.name not in _NOT_IN_FINGERPRINT]
    # A project module that shadows a standard-library one changes what any import may run (stdlib_shadows): one
    # listing per source root, so adding or removing `platform.py` invalidates every verdict
    parts.append(("stdlib_shadows", repr(sorted((name, str(path)) for name, path in stdlib_shadows(config.source_roots).items()))))
    parts.append(("startup_hooks", repr([str(path) for path in startup_hooks(config.source_roots)])))
    return digest(repr(parts).encode("utf-8", "surrogateescape"))


_CODE_KEY: str | None = None


def code_key() -> str:
    """Changes whenever thor-guard's code, the mode value table or libcst changes (stat only, nothing read).

    Size and mtime of every ``*.py`` under the ``thor_guard`` package, of
    ``heartbeat/mode.py`` and of libcst's ``_version.py``, plus
    ``__version__`` and :data:`FORMAT`. A development checkout being edited
    therefore never gets a verdict the current verifier would not give.
    """
    global _CODE_KEY
    if _CODE_KEY is None:
        package = Path(__file__).resolve().parent
        _CODE_KEY = code_key_of(package, package.parent / "heartbeat" / "mode.py", _libcst_version_file())
    return _CODE_KEY


def code_key_of(package: Path, *extra: Path | None) -> str:
    """:func:`code_key` for the ``*.py`` tree under ``package`` plus the ``extra`` files (missing ones are skipped)."""
    hasher = blake2b(f"{__version__}:{FORMAT}:{sys.implementation.cache_tag}:{marshal.version}".encode(), digest_size=12)
    stack = [package]
    files: list[tuple[str, os.stat_result]] = []
    while stack:
        directory = stack.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir() and entry.name != "__pycache__":
                stack.append(Path(entry.path))
            elif entry.name.endswith(".py"):
                files.append((entry.path, entry.stat()))
    for path in extra:
        if path is not None:
            try:
                files.append((str(path), path.stat()))
            except OSError:
                pass
    for name, st in sorted(files, key=lambda item: item[0]):
        hasher.update(f"{name}:{st.st_mtime_ns}:{st.st_size};".encode("utf-8", "surrogateescape"))
    return hasher.hexdigest()


def _libcst_version_file() -> Path | None:
    """libcst's ``_version.py``, located without importing libcst."""
    from importlib.util import find_spec

    try:
        spec = find_spec("libcst")
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "_version.py"


@dataclass(frozen=True)
class Probe:
    """One thing outside the entry-point file a verification looked at, with what it saw.

    ``module`` is looked up under the source roots (``targets.find_module_file``)
    and must still resolve to ``path`` (``None``: not a project module). When
    the verifier parsed it, ``content`` is its hash and ``shadowed`` whether a
    package directory of the same name shadowed it. ``module=None`` probes the
    entry-point file's own shadowing package only.

    The import walk (import-time patches, ``HelperResolver.patches_reaching``)
    adds two more kinds: ``kind="files"``, the modules it read
    (newline-separated in ``path``), with the :func:`file_signature` of
    each (newline-separated) as ``content``, and ``kind="lookups"``, every
    module name it looked up under the source roots (newline-separated in
    ``path``), with :func:`lookups_signature` as ``content``.
    ``HelperResolver.binding_problem`` adds ``kind="locations"``
    (``module``: a looked-up module; ``content``: hash of
    :func:`~thor_guard.verdict_cache.module_locations`, every file under any
    root that may be imported for it) and ``kind="file"`` probes (one file,
    :func:`file_signature` as ``content``) of the package ``__init__`` files
    whose census it took.
    """

    module: str | None
    path: str | None
    content: str | None = None
    shadowed: bool | None = None
    kind: str = "module"


@dataclass(frozen=True)
class Outcome:
    """What verifying one file's matched functions produced: plain data, no libcst objects."""

    findings: tuple[Finding, ...]
    entry_points: tuple[str, ...]
    """``module:qualname`` of each verified function."""
    helper_files: tuple[str, ...]
    """Helper modules the verification parsed (``check`` counts them as files checked)."""
    helper_errors: tuple[tuple[str, str], ...]
    """Helper modules that could not be used: (resolved path, one-line reason)."""
    probes: tuple[Probe, ...]


@dataclass
class Entry:
    """The cached facts of one file's content: its functions (or parse error) and outcomes by key."""

    functions: tuple[str, ...] | None
    error: str | None
    outcomes: dict[str, Outcome] = field(default_factory=dict)


def outcome_key(config_fp: str, wanted: Iterable[int]) -> str:
    """The key of an outcome inside an entry: configuration fingerprint and matched function indices."""
    return digest(f"{config_fp}:{sorted(wanted)}".encode("utf-8", "surrogateescape"))


@dataclass
class VerdictCache:
    """``check``'s cache in ``directory`` (``None``: disabled, every lookup misses and nothing is written)."""

    directory: Path | None
    hits: int = 0
    misses: int = 0
    written: int = 0

    @classmethod
    def for_project(cls, project_root: Path, enabled: bool = True) -> VerdictCache:
        """The cache of the project at ``project_root`` (``.thor_guard_cache/check-v1``), or a disabled one."""
        return cls(project_root / CACHE_DIR_NAME / SUBDIR if enabled else None)

    def file_key(self, data: bytes, module: str, path: Path) -> str:
        """Key of one file's entry: its bytes, module name, spelled and resolved path, and :func:`code_key`."""
        hasher = blake2b(data, digest_size=16)
        hasher.update(f"\0{module}\0{path}\0{path.resolve()}\0{code_key()}".encode("utf-8", "surrogateescape"))
        return hasher.hexdigest()

    def load(self, key: str) -> Entry | None:
        """The entry under ``key``, or None when missing, damaged or of another format (refreshes its LRU time)."""
        if self.directory is None:
            return None
        location = self.directory / f"{key}.entry"
        try:
            entry = decode(location.read_bytes())
        except OSError:
            return None
        if entry is None:
            return None
        try:
            os.utime(location)
        except OSError:
            pass
        return entry

    def store(self, key: str, entry: Entry) -> None:
        """Write ``entry`` atomically (temp file + rename); failures to write are ignored: it is only a cache."""
        if self.directory is None:
            return
        import tempfile

        while len(entry.outcomes) > MAX_OUTCOMES:
            entry.outcomes.pop(next(iter(entry.outcomes)))
        data = encode(entry)
        if data is None:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            _write_markers(self.directory.parent)
            fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=self.directory)
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, self.directory / f"{key}.entry")
            self.written += 1
        except OSError:
            try:
                os.unlink(tmp)
            except OSError:
                pass

    def evict(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> int:
        """Delete least recently used entries until at most ``max_entries`` files and ``max_bytes`` remain.

        Returns the number deleted. Called after a run that wrote something;
        leftover temporary files of a crashed run are removed as well.
        """
        if self.directory is None:
            return 0
        try:
            scanned = list(os.scandir(self.directory))
        except OSError:
            return 0
        entries: list[tuple[int, int, str]] = []
        deleted = 0
        for item in scanned:
            try:
                st = item.stat()
            except OSError:
                continue
            if item.name.endswith(".entry"):
                entries.append((st.st_mtime_ns, st.st_size, item.path))
            elif item.name.endswith(".tmp") and _older_than_an_hour(st):
                deleted += _unlink(item.path)
        entries.sort(reverse=True)  # newest first
        total = 0
        for index, (_, size, path) in enumerate(entries):
            total += size
            if index >= max_entries or total > max_bytes:
                deleted += _unlink(path)
        return deleted


MAGIC = b"TGVC"


def encode(entry: Entry) -> bytes | None:
    """``entry`` as bytes: magic, BLAKE2b-128 of the payload, then the payload (``marshal`` of plain tuples).

    ``marshal`` because it is built in (a warm run imports neither pickle nor
    json) and the payload is only strings, numbers, booleans and tuples.
    None when something in it is not plain data (it is then not cached).
    """
    outcomes = tuple(
        (
            okey,
            tuple((str(f.path), f.line, f.column, f.code, f.message, f.entry_point, f.extra) for f in o.findings),
            o.entry_points,
            o.helper_files,
            o.helper_errors,
            tuple((p.module, p.path, p.content, p.shadowed, p.kind) for p in o.probes),
        )
        for okey, o in entry.outcomes.items()
    )
    try:
        payload = marshal.dumps((FORMAT, entry.functions, entry.error, outcomes))
    except ValueError:
        return None
    return MAGIC + blake2b(payload, digest_size=16).digest() + payload


def decode(data: bytes) -> Entry | None:
    """The inverse of :func:`encode`; None for anything torn, damaged or foreign (never an exception)."""
    if data[:4] != MAGIC or blake2b(data[20:], digest_size=16).digest() != data[4:20]:
        return None
    try:
        fmt, functions, error, outcomes = marshal.loads(data[20:])
        if fmt != FORMAT:
            return None
        entry = Entry(functions, error)
        for okey, findings, entry_points, helper_files, helper_errors, probes in outcomes:
            entry.outcomes[okey] = Outcome(
                tuple(Finding(Path(path), line, column, code, message, point, extra) for path, line, column, code, message, point, extra in findings),
                entry_points,
                helper_files,
                helper_errors,
                tuple(Probe(*probe) for probe in probes),
            )
    except (ValueError, TypeError, EOFError):
        return None
    return entry


def _older_than_an_hour(st: os.stat_result) -> bool:
    import time

    return time.time() - st.st_mtime > 3600


def _unlink(path: str) -> int:
    try:
        os.unlink(path)
    except OSError:
        return 0
    return 1


def _write_markers(directory: Path) -> None:
    for name, text in MARKERS.items():
        marker = directory / name
        if not marker.exists():
            try:
                marker.write_text(text, encoding="utf-8")
            except OSError:
                pass
