"""``.thor_guard_cache/``: per-file facts keyed by content hash, verifier verdicts, and the last result.

Two files, each replaced atomically (temp file + rename) so that concurrent
runs never read a torn cache:

* ``audit-facts-v1.pickle`` - ``{content key: ModuleFacts}`` and
  ``{verdict key: bool}``. A content key hashes the file's bytes with its
  module name (facts embed module names), so an edit, a rename or a move
  misses and everything else hits.
* ``audit-index-v1.pickle`` - ``{path: (stat key, content key)}`` and the last
  :class:`AuditResult` under a run key (tool version, configuration, options
  and every file's ``(mtime_ns, size, inode)``). A warm run over an unchanged
  tree stats the files, finds the same run key and opens no source file.

A damaged or foreign cache file is ignored, never an error: it is only a cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from thor_guard.audit.result import AuditResult
from thor_guard.stdlib_shadows import startup_hooks, stdlib_shadows

if TYPE_CHECKING:
    from thor_guard.audit.model import ModuleFacts
    from thor_guard.config import Config

CACHE_DIR_NAME = ".thor_guard_cache"
FACTS_FILE = "audit-facts-v1.pickle"
INDEX_FILE = "audit-index-v1.pickle"
FORMAT = 5  # bump when ModuleFacts or the extractor's output changes


def config_fingerprint(config: Config) -> str:
    """What in the configuration changes a guard verdict (the mode variable, its values, helpers, roots,
    ``transparent-decorators`` and ``strict``)."""
    parts = (
        config.env_var,
        config.heartbeat_value,
        config.legacy_value,
        tuple(str(t) for t in config.guard_helpers),
        tuple(config.stale_flags),
        tuple(str(r) for r in config.source_roots),
        tuple(getattr(config, "transparent_decorators", ())),
        getattr(config, "strict", False),
        # a project module named like a standard-library one changes what any import may run (stdlib_shadows)
        tuple(sorted((name, str(path)) for name, path in stdlib_shadows(config.source_roots).items())),
        tuple(str(path) for path in startup_hooks(config.source_roots)),
    )
    return hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest()


_CODE_KEY: str | None = None


def code_key() -> str:
    """Changes whenever the audit's or the verifier's own source changes (stat only, no reading).

    Keeps a cache written by an older thor-guard (or a development checkout
    being edited) from serving facts or results the current code would not
    produce; ``FORMAT`` is the explicit version on top.
    """
    global _CODE_KEY
    if _CODE_KEY is None:
        package = Path(__file__).resolve().parent
        digest = hashlib.blake2b(f"{FORMAT}".encode(), digest_size=8)
        for directory in (package, package.parent / "verifier"):
            try:
                entries = sorted(os.scandir(directory), key=lambda e: e.name)
            except OSError:
                continue
            for entry in entries:
                if entry.name.endswith(".py"):
                    st = entry.stat()
                    digest.update(f"{entry.name}:{st.st_mtime_ns}:{st.st_size};".encode("utf-8", "surrogateescape"))
        _CODE_KEY = digest.hexdigest()
    return _CODE_KEY


def content_key(data: bytes, module: str, is_package: bool, extra: str = "") -> str:
    """The cache key of one file's facts; ``extra`` is what else they depend on (configured spawner positions)."""
    digest = hashlib.blake2b(data, digest_size=16)
    digest.update(f"\0{module}\0{int(is_package)}\0{code_key()}\0{extra}".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _load(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as handle:
            data = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    return data


def _store(path: Path, data: dict[str, Any]) -> None:
    """Write atomically; a cache that cannot be written (read-only tree, full disk) is skipped silently."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump({"format": FORMAT, **data}, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


@dataclass
class AuditCache:
    """The cache directory of one project (``None`` directory = caching disabled)."""

    directory: Path | None
    facts: dict[str, ModuleFacts] = field(default_factory=dict)
    verdicts: dict[str, bool] = field(default_factory=dict)
    index: dict[str, tuple[tuple[int, int, int], str]] = field(default_factory=dict)
    listings: dict[str, tuple[int, tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    """Directory listings of the last walk (see :func:`thor_guard.audit.files.walk`)."""
    run_key: str | None = None
    result: AuditResult | None = None
    _facts_loaded: bool = False

    @classmethod
    def open(cls, directory: Path | None) -> AuditCache:
        cache = cls(directory)
        if directory is not None:
            data = _load(directory / INDEX_FILE)
            if data is not None:
                cache.index = data.get("index", {})
                cache.listings = data.get("listings", {})
                cache.run_key = data.get("run_key")
                cache.result = data.get("result")
        return cache

    def load_facts(self) -> None:
        """Load the (larger) facts file only when the warm shortcut did not apply."""
        if self._facts_loaded or self.directory is None:
            return
        self._facts_loaded = True
        data = _load(self.directory / FACTS_FILE)
        if data is not None:
            self.facts = data.get("facts", {})
            self.verdicts = data.get("verdicts", {})

    def cached_result(self, run_key: str) -> AuditResult | None:
        return self.result if self.result is not None and self.run_key == run_key else None

    def save_index(self, run_key: str, result: AuditResult, listings: dict[str, tuple[int, tuple[str, ...], tuple[str, ...]]]) -> None:
        if self.directory is not None:
            _store(self.directory / INDEX_FILE, {"index": self.index, "run_key": run_key, "result": result, "listings": listings})

    def save(self, run_key: str, result: AuditResult, used_facts: set[str], used_verdicts: set[str], listings: dict[str, tuple[int, tuple[str, ...], tuple[str, ...]]]) -> None:
        """Write what this run used (older entries are dropped so the cache does not grow forever)."""
        if self.directory is None:
            return
        facts = {k: v for k, v in self.facts.items() if k in used_facts}
        verdicts = {k: v for k, v in self.verdicts.items() if k in used_verdicts}
        _store(self.directory / FACTS_FILE, {"facts": facts, "verdicts": verdicts})
        self.save_index(run_key, result, listings)
        markers = {
            "CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n# thor-guard audit cache; safe to delete.\n",
            ".gitignore": "# Created by thor-guard audit: the cache never belongs in version control.\n*\n",
        }
        for name, text in markers.items():
            marker = self.directory / name
            if not marker.exists():
                try:
                    marker.write_text(text, encoding="utf-8")
                except OSError:
                    pass
