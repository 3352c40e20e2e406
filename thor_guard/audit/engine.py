"""One audit run: text pass, on-demand parsing, backward search, verification, classification.

The order is what keeps it fast:

1. stat every file; if the tree, configuration and options are unchanged
   since the last run, return the cached result without opening a file;
2. read the bytes and run the text pass: only files that mention a spawn API
   or a sleeping loop are parsed first (``ast``, in a process pool when many,
   facts cached by content hash);
3. link the facts and walk the call graph *backwards* from the spawn sites;
   the names of every function and class found become words, and only the
   not-yet-parsed files that mention one of those words are parsed next;
   repeat until no new word appears;
4. ask the verifier (libcst) only about functions on a trigger-to-spawn path
   that could hold a guard, then classify every spawn site.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from thor_guard import __version__
from thor_guard.audit.cache import (
    CACHE_DIR_NAME,
    AuditCache,
    code_key,
    config_fingerprint,
    content_key,
)
from thor_guard.audit.files import SourceFile, walk
from thor_guard.audit.result import AuditResult, AuditStats, SpawnReport, Unresolved
from thor_guard.config import Config

if TYPE_CHECKING:  # the analysis modules are imported only when the warm shortcut does not apply
    from thor_guard.audit.classify import Verdict
    from thor_guard.audit.graph import CallGraph
    from thor_guard.audit.link import Linker
    from thor_guard.audit.model import ModuleFacts
    from thor_guard.audit.prefilter import WordIndex
    from thor_guard.audit.spawners import SpawnerTable

PARALLEL_MIN_FILES = 48
"""Below this many cache misses a process pool costs more than it saves."""


@dataclass
class AuditInputs:
    """What a run's result depends on in the tree, filled in by :func:`run_audit` when asked for.

    The console script records these stats to replay an unchanged run
    without starting the CLI (see :mod:`thor_guard.audit.replay`).
    """

    files: list[tuple[str, tuple[int, int, int]]] = field(default_factory=list)
    """Every walked ``.py`` file (absolute path) with the ``(mtime_ns, size, inode)`` the walk saw."""
    directories: list[str] = field(default_factory=list)
    """Every directory the walk listed."""


@dataclass(frozen=True)
class AuditOptions:
    paths: tuple[Path, ...] = ()
    """Report only spawn sites in files under these paths (the whole project is still analysed)."""
    use_cache: bool = True
    jobs: int | None = None
    """Worker processes for parsing; None picks the CPU count, 1 disables the pool."""
    inputs: AuditInputs | None = field(default=None, compare=False)
    """When given, filled with the files and directories the run depended on."""


def _parse_batch(batch: Sequence[tuple[bytes, str, bool, dict[str, int] | None]]) -> list[ModuleFacts]:
    from thor_guard.audit.extract import extract_facts

    return [extract_facts(data, module, is_package, positions) for data, module, is_package, positions in batch]


class _Run:
    def __init__(self, config: Config, options: AuditOptions) -> None:
        self.config = config
        self.options = options
        cache_dir = config.project_root / CACHE_DIR_NAME if options.use_cache else None
        self.cache = AuditCache.open(cache_dir)
        root = config.project_root.resolve()
        outside = tuple(p for p in options.paths if not _is_under(p, root))
        roots = (root, *outside)
        self.listings: dict[str, tuple[int, tuple[str, ...], tuple[str, ...]]] = {}
        self.files = walk(roots, config.project_root, config.source_roots, config.exclude, self.listings, self.cache.listings)
        if options.inputs is not None:
            options.inputs.files.extend((source.abspath, source.stat_key) for source in self.files)
            options.inputs.directories.extend(self.listings)
        self.by_module: dict[str, SourceFile] = {}
        for source in self.files:
            self.by_module.setdefault(source.module, source)
        self.modules = set(self.by_module)
        self.texts: dict[str, bytes] = {}
        self.keys: dict[str, str] = {}
        self.facts: dict[str, ModuleFacts] = {}
        self.parsed_rels: set[str] = set()
        self.errors: dict[Path, str] = {}
        self.parsed = 0
        self.from_cache = 0
        self._table: SpawnerTable | None = None

    @property
    def positions(self) -> dict[str, int] | None:
        """Function-argument positions of the configured spawners (None without ``audit-spawners``)."""
        return self.table.target_positions(self.config.audit_spawners) if self.config.audit_spawners else None

    @property
    def positions_key(self) -> str:
        """Part of each file's content key: facts depend on the configured positions."""
        positions = self.positions
        return repr(sorted(positions.items())) if positions else ""

    @property
    def table(self) -> SpawnerTable:
        """The spawner rows of this run: the built-in table plus ``audit-spawners``."""
        if self._table is None:
            from thor_guard.audit.spawners import SpawnerTable

            self._table = SpawnerTable.build(self.config.audit_spawners)
        return self._table

    # ------------------------------------------------------------------ keys
    def run_key(self) -> str:
        config = self.config
        digest = hashlib.blake2b(digest_size=20)
        header = (
            __version__,
            code_key(),
            config_fingerprint(config),
            tuple(str(t) for t in config.audit_allow),
            tuple(config.audit_spawners),
            tuple(config.exclude),
            str(config.project_root),
            tuple(str(p.resolve()) for p in self.options.paths if not _is_under(p, config.project_root.resolve())),
        )
        digest.update(repr(header).encode("utf-8", "surrogateescape"))
        for source in self.files:
            digest.update(f"\n{source.rel}\0{source.module}\0{source.stat_key}".encode("utf-8", "surrogateescape"))
        return digest.hexdigest()

    # --------------------------------------------------------------- parsing
    def _read_all(self) -> None:
        self.cache.index = {}  # rebuilt from the current tree: deleted files drop out
        extra = self.positions_key
        for source in self.files:
            try:
                with open(source.abspath, "rb") as handle:
                    data = handle.read()
            except OSError as exc:
                self.errors[source.path] = f"cannot read file: {exc.strerror or exc}"
                continue
            self.texts[source.rel] = data
            self.keys[source.rel] = content_key(data, source.module, source.is_package, extra)
            self.cache.index[source.rel] = (source.stat_key, self.keys[source.rel])

    def _parse(self, sources: Iterable[SourceFile]) -> None:
        todo: list[SourceFile] = []
        for source in sources:
            if source.rel in self.parsed_rels or source.rel not in self.texts:
                continue
            self.parsed_rels.add(source.rel)
            cached = self.cache.facts.get(self.keys[source.rel])
            if cached is not None:
                self.from_cache += 1
                self._accept(source, cached)
            else:
                todo.append(source)
        if not todo:
            return
        positions = self.positions
        items = [(self.texts[s.rel], s.module, s.is_package, positions) for s in todo]
        jobs = self.options.jobs or os.cpu_count() or 1
        if jobs > 1 and len(todo) >= PARALLEL_MIN_FILES:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            size = max(8, len(items) // (jobs * 4))
            batches = [items[i : i + size] for i in range(0, len(items), size)]
            context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
            with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
                results = [facts for batch in pool.map(_parse_batch, batches) for facts in batch]
        else:
            results = _parse_batch(items)
        self.parsed += len(todo)
        for source, facts in zip(todo, results):
            self.cache.facts[self.keys[source.rel]] = facts
            self._accept(source, facts)

    def _accept(self, source: SourceFile, facts: ModuleFacts) -> None:
        if facts.error is not None:
            self.errors[source.path] = facts.error
            return
        self.facts.setdefault(source.module, facts)

    def ensure(self, module: str) -> ModuleFacts | None:
        """Parse one module on demand (a base class or guard helper outside the analysed set)."""
        source = self.by_module.get(module)
        if source is None:
            return None
        self._parse([source])
        return self.facts.get(module)

    # ---------------------------------------------------------------- search
    def _relevant(self, graph: CallGraph) -> set[str]:
        """Functions from which some spawn site or sleeping loop can be reached (backwards closure)."""
        stack = [site.node for site in graph.spawns]
        relevant: set[str] = set()
        while stack:
            node = stack.pop()
            if node in relevant:
                continue
            relevant.add(node)
            stack.extend(graph.callers.get(node, ()))
        return relevant

    def _wanted_words(self, graph: CallGraph, linker: Linker, relevant: set[str]) -> set[tuple[str, str]]:
        """``(module, name)`` pairs: names defined or bound in ``module`` that lead to a spawn.

        Functions and classes on a backward path, subclasses of those classes
        and of ``Thread``/``Process``, and module-level names bound to any of
        them (aliases, singletons, re-exports).
        """
        from thor_guard.audit.graph import dotted_name
        from thor_guard.audit.link import Sym
        from thor_guard.audit.model import PSEUDO_FUNCTIONS

        words: set[tuple[str, str]] = set()
        classes: set[tuple[str, str]] = set()
        for node in relevant:
            module, qualname = node.split(":", 1)
            if qualname in PSEUDO_FUNCTIONS:
                continue
            words.add((module, qualname.split(".", 1)[0]))
            entry = graph.functions.get(node)
            if entry is not None and entry[1].class_qualname:
                classes.add((module, entry[1].class_qualname))
        spawn_bases = set(self.table.bases)
        owners = {owner for owner, _ in self.table.methods}
        for module, facts in list(self.facts.items()):
            for cls in facts.classes:
                order, ancestors = linker.mro(Sym("class", module, cls.qualname))
                if ancestors & spawn_bases or any(entry in classes for entry in order):
                    classes.add((module, cls.qualname))
                    words.add((module, cls.qualname.split(".", 1)[0]))
        for module, facts in list(self.facts.items()):
            for name, ref in facts.bindings:
                if ref.kind not in ("g", "i") or (module, name) in words:
                    continue
                sym = linker.resolve(ref._replace(kind="g"))
                if sym is None:
                    continue
                if (sym.kind == "func" and f"{sym.module}:{sym.name}" in relevant) or (
                    sym.kind == "class" and (sym.module, sym.name) in classes
                ):
                    words.add((module, name))
                elif ref.kind == "i" and dotted_name(sym) in owners:
                    # ``executor = ThreadPoolExecutor(4)`` at module level: its users submit work elsewhere.
                    words.add((module, name))
        for row in self.table.rows:
            # A configured project wrapper: its callers are spawn sites, wherever they are.
            if row.module in self.modules and row.module != "*":
                words.add((row.module, row.qualname.split(".", 1)[0]))
        return {(m, w) for m, w in words if w and not w.startswith("<")}

    def _converge(self) -> tuple[Linker, CallGraph, set[str]]:
        """Parse seeds, then callers of what leads to a spawn, until no new name appears.

        A file can call ``name`` defined in module ``pkg.svc`` only if it spells
        the module (``svc``: in an import, relative or absolute, or as an
        attribute) and the name (or imports it under an alias, which spells it
        too). So the tree is scanned once per *module* needle, and only the
        files that mention the needle are checked for the names.
        """
        from thor_guard.audit.graph import build_graph
        from thor_guard.audit.link import Linker
        from thor_guard.audit.prefilter import WordIndex

        index = WordIndex(list(self.texts), list(self.texts.values()))
        by_rel = {s.rel: s for s in self.files}
        seeds = index.seeds(self.table.markers())
        self._parse(s for s in self.files if s.rel in seeds)
        checked: set[tuple[str, str]] = set()
        needle_files: dict[str, set[str]] = {}
        memo: dict[object, object] = {}
        while True:
            linker = Linker(self.modules, self.facts, self.ensure, memo)  # type: ignore[arg-type]
            loaded = len(self.facts)
            graph = build_graph(linker, self.facts, self.table)
            relevant = self._relevant(graph)
            new = (self._wanted_words(graph, linker, relevant) | self._indirect_words(linker, relevant)) - checked
            checked |= new
            plain = {w for w in new if not w[0].startswith("<")}
            hits = self._callers_of(plain, index, needle_files) if plain else set()
            hits |= self._indirect_callers(new - plain, index, needle_files)
            if hits:
                self._parse(by_rel[rel] for rel in sorted(hits))
            elif len(self.facts) == loaded:
                # Nothing new to read, and building the graph parsed nothing on demand (call_command, settings).
                return linker, graph, relevant

    def _indirect_words(self, linker: Linker, relevant: set[str]) -> set[tuple[str, str]]:
        """Callers that name their callee only in a string: ``("<call_command>", name)`` and ``("<setting>", NAME)``.

        A management command on a spawn path is reached by ``call_command("name")``;
        a function or class on one may be named by a settings constant
        (``FEED_BACKEND = "pkg.feeds.Backend"``) that code imports through
        ``import_string(settings.FEED_BACKEND)``.
        """
        from thor_guard.audit.graph import is_command_module
        from thor_guard.audit.link import is_settings_module

        words: set[tuple[str, str]] = set()
        relevant_modules: dict[str, set[str]] = {}
        for node in relevant:
            module, qualname = node.split(":", 1)
            relevant_modules.setdefault(module, set()).add(qualname)
            if is_command_module(module):
                words.add(("<call_command>", module.rsplit(".", 1)[-1]))
        for module, facts in self.facts.items():
            if not facts.constants or not is_settings_module(module):
                continue
            for name, value in facts.constants:
                sym = linker.resolve_dotted(value)
                if sym is None or sym.kind not in ("func", "class"):
                    continue
                qualnames = relevant_modules.get(sym.module, ())
                if any(q == sym.name or q.startswith(f"{sym.name}.") for q in qualnames):
                    words.add(("<setting>", name))
        return words

    def _indirect_callers(self, wanted: set[tuple[str, str]], index: WordIndex, needle_files: dict[str, set[str]]) -> set[str]:
        """Unparsed files that call a command by name (``call_command("name")``) or read a setting that names a spawn path."""
        from thor_guard.audit.prefilter import mentions

        hits: set[str] = set()
        for kind, word in sorted(wanted):
            needle = "call_command" if kind == "<call_command>" else word
            if needle not in needle_files:
                needle_files[needle] = index.files_mentioning([needle])
            for rel in needle_files[needle]:
                if rel in self.parsed_rels or rel in hits:
                    continue
                text = self.texts[rel]
                if kind == "<call_command>":
                    literal = word.encode("ascii", "ignore")
                    if b'"' + literal + b'"' in text or b"'" + literal + b"'" in text:
                        hits.add(rel)
                elif b"settings" in text and mentions(text, "settings"):
                    hits.add(rel)
        return hits

    def _callers_of(
        self,
        wanted: set[tuple[str, str]],
        index: WordIndex,
        needle_files: dict[str, set[str]],
    ) -> set[str]:
        """Unparsed files that can call one of ``wanted``'s names (``(module, name)`` pairs).

        Such a file spells the name, and refers to the module: it spells the
        module's last segment and its parent package's (``import a.b.c``,
        ``from a.b import c``, ``from ..b import c``) or sits inside the parent
        package (``from . import c``, ``from .c import f``) - or, for a
        package, inside the package itself (``from . import f``). One blob scan
        per last segment finds the candidates; substring tests then reject
        most of them at C speed.
        """
        from thor_guard.audit.prefilter import mentions

        by_module: dict[str, set[bytes]] = {}
        for module, word in wanted:
            by_module.setdefault(module, set()).add(word.encode("ascii", "ignore"))
        by_last: dict[str, list[tuple[bytes | None, str, str | None, tuple[bytes, ...]]]] = {}
        for module, words in by_module.items():
            parts = module.split(".")
            source = self.by_module.get(module)
            parent = parts[-2].encode() if len(parts) > 1 and source is not None else None
            directory = source.rel.rsplit("/", 1)[0] + "/" if source is not None and "/" in source.rel else ""
            parent_dir, own_dir = directory, None
            if source is not None and source.is_package:
                own_dir = directory
                parent_dir = directory[:-1].rsplit("/", 1)[0] + "/" if directory.count("/") > 1 else ""
            by_last.setdefault(parts[-1], []).append((parent, parent_dir, own_dir, tuple(sorted(words))))

        hits: set[str] = set()
        for last, entries in sorted(by_last.items()):
            if last not in needle_files:
                needle_files[last] = index.files_mentioning([last])
            candidates = set(needle_files[last])
            for _, _, own_dir, _ in entries:
                if own_dir:
                    candidates |= {rel for rel in self.texts if rel.startswith(own_dir)}
            for rel in candidates:
                if rel in self.parsed_rels or rel in hits:
                    continue
                text = self.texts[rel]
                for parent, parent_dir, own_dir, names in entries:
                    # Substring tests reject most files at C speed; whole-word checks confirm.
                    if not (
                        parent is None
                        or rel.startswith(parent_dir)
                        or (own_dir and rel.startswith(own_dir))
                        or (parent in text and mentions(text, parent))
                    ):
                        continue
                    if any(name in text and mentions(text, name) for name in names):
                        hits.add(rel)
                        break
        return hits

    # ------------------------------------------------------------------ run
    def run(self) -> AuditResult:
        run_key = self.run_key()
        cached = self.cache.cached_result(run_key)
        if cached is not None:
            stats = replace(cached.stats, read=0, parsed=0, facts_from_cache=0, verified_functions=0, verified_files=0)
            if self.listings != self.cache.listings:
                self.cache.save_index(run_key, cached, self.listings)
            return cached.with_stats(replace(stats, result_from_cache=True))
        from thor_guard.audit.classify import classify
        from thor_guard.audit.graph import SpawnSite, settle_app_configs

        self.cache.load_facts()
        self._read_all()
        linker, graph, relevant = self._converge()
        settle_app_configs(graph, linker, relevant)
        forward = self._forward(graph)
        on_path = relevant & forward
        # A spawn whose target provably returns at once in heartbeat mode is inert (TG013): verify targets too.
        targets = {s.target for s in graph.spawns if s.target and s.kind != "loop" and s.node in forward}
        guarded, verified_files, verified_functions, used_verdicts, proofs = self._guards(graph, linker, on_path, targets)
        # A configured wrapper's own Thread(...) is the mechanism: each call of the wrapper is the site.
        wrappers = tuple(f"{row.module}:{row.qualname}" for row in self.config.audit_spawners)
        if wrappers:
            inner = tuple(f"{w}.<locals>." for w in wrappers)
            graph.spawns = [s for s in graph.spawns if s.kind == "loop" or not (s.node in wrappers or s.node.startswith(inner))]
        allowed_nodes = {node for node in graph.functions if self._allowed(node)}
        allowed_targets = {s.target for s in graph.spawns if s.node in allowed_nodes and s.target}

        def is_allowed(site: SpawnSite) -> bool:
            return site.node in allowed_nodes or (site.kind == "loop" and site.node in allowed_targets)

        verdicts = classify(graph, guarded, is_allowed)
        by_module_path = {m: s.path for m, s in self.by_module.items()}
        spawns = tuple(self._report(v, by_module_path, proofs) for v in verdicts)
        relevant_names = {node.rsplit(".", 1)[-1].split(":")[-1] for node in relevant}
        unresolved = tuple(
            Unresolved(
                by_module_path[u.module],
                u.line,
                u.column,
                u.node,
                u.text,
                u.text.rsplit(".", 1)[-1] in relevant_names,
            )
            for u in sorted(graph.unresolved, key=lambda u: (u.module, u.line, u.column))
        )
        stats = AuditStats(
            files=len(self.files),
            read=len(self.texts),
            parsed=self.parsed,
            facts_from_cache=self.from_cache,
            analysed=len(self.facts),
            verified_functions=verified_functions,
            verified_files=verified_files,
            calls=sum(len(f.calls) for facts in self.facts.values() for f in facts.functions),
            unresolved_calls=len(unresolved),
        )
        errors = tuple(sorted(self.errors.items()))
        result = AuditResult(spawns, unresolved, errors, stats)
        used_facts = {self.keys[rel] for rel in self.parsed_rels if rel in self.keys}
        self.cache.save(run_key, result, used_facts, used_verdicts, self.listings)
        return result

    def _forward(self, graph: CallGraph) -> set[str]:
        stack = list(graph.triggers)
        seen: set[str] = set()
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            stack.extend(graph.calls.get(node, ()))
            stack.extend(graph.spawn_edges.get(node, ()))
        return seen

    def _allowed(self, node: str) -> bool:
        module, qualname = node.split(":", 1)
        return any(target.matches(module, qualname) for target in self.config.audit_allow)

    def _guards(
        self, graph: CallGraph, linker: Linker, on_path: set[str], targets: set[str]
    ) -> tuple[set[str], int, int, set[str], dict[str, str]]:
        """Ask the verifier about the functions on a path (and the spawn ``targets``) that could hold a guard.

        Returns the guarded nodes, the files and functions verified in this run,
        the verdict cache keys used, and for guarded targets the proof text.
        A cached verdict is ``False``, ``True`` or the proof text (guarded,
        with the proof recorded).
        """
        from thor_guard.audit.guards import (
            VerifyRequest,
            celery_app_decorators,
            could_be_guarded,
            verdict_key,
            verify,
        )

        helpers = frozenset(f"{t.module}.{t.qualname}" for t in self.config.guard_helpers)
        fingerprint = config_fingerprint(self.config)
        guarded: set[str] = set()
        proofs: dict[str, str] = {}
        used: set[str] = set()
        pending: dict[str, set[str]] = {}
        want_proof: dict[str, set[str]] = {}
        keys_for: dict[tuple[str, str], str] = {}
        for node in sorted(on_path | targets):
            entry = graph.functions.get(node)
            if entry is None:
                continue
            module, fact = entry
            if not could_be_guarded(fact, module, linker, self.config, helpers):
                continue
            source = self.by_module[module]
            key = verdict_key(self.keys[source.rel], self._dependency_keys(module, linker), fingerprint, fact.qualname)
            used.add(key)
            known = self.cache.verdicts.get(key)
            if known is None or (known is True and node in targets):
                pending.setdefault(module, set()).add(fact.qualname)
                if node in targets:
                    want_proof.setdefault(module, set()).add(fact.qualname)
                keys_for[(module, fact.qualname)] = key
            elif known:
                guarded.add(node)
                if isinstance(known, str):
                    proofs[node] = known
        if not pending:
            return guarded, 0, 0, used, proofs
        requests = [
            VerifyRequest(
                m, self.by_module[m].path, frozenset(q), frozenset(want_proof.get(m, ())), celery_app_decorators(self.facts[m], linker)
            )
            for m, q in sorted(pending.items())
        ]
        sources = {self.by_module[m].path: self.texts[self.by_module[m].rel] for m in pending}
        outcome = verify(self.config, requests, sources, jobs=self.options.jobs or os.cpu_count() or 1)
        self.errors.update(outcome.errors)
        for (module, qualname), is_guarded in outcome.guarded.items():
            node = f"{module}:{qualname}"
            proof = outcome.proofs.get((module, qualname))
            key = keys_for.get((module, qualname))
            if key is not None:
                self.cache.verdicts[key] = proof if (is_guarded and proof) else is_guarded  # type: ignore[assignment]
            if is_guarded:
                guarded.add(node)
                if proof:
                    proofs[node] = proof
        return guarded, outcome.files, outcome.functions, used, proofs

    def _dependency_keys(self, module: str, linker: Linker) -> list[str]:
        """Content keys of the project modules ``module`` imports (where its guard helpers may live)."""
        facts = self.facts.get(module)
        keys: list[str] = []
        if facts is None:
            return keys
        for _, ref in facts.bindings:
            if ref.kind != "g":
                continue
            parts = ref.head.split(".")
            for cut in range(len(parts), 0, -1):
                source = self.by_module.get(".".join(parts[:cut]))
                if source is not None:
                    if source.rel in self.keys:
                        keys.append(self.keys[source.rel])
                    break
        return keys

    def _report(self, verdict: Verdict, paths: dict[str, Path], proofs: dict[str, str]) -> SpawnReport:
        site = verdict.site
        path = verdict.call_path
        return SpawnReport(
            path=paths[site.module],
            line=site.line,
            column=site.column,
            kind=site.kind,
            api=site.api,
            function=site.node,
            classification=verdict.classification,
            trigger=path[0] if path else None,
            trigger_kind=verdict.trigger_kind,
            call_path=path,
            guarded_by=verdict.guarded_by,
            target=site.target,
            proof=proofs.get(verdict.guarded_by) if verdict.classification == "inert" and verdict.guarded_by else None,
        )


def _is_under(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except ValueError:
        return False
    return True


def run_audit(config: Config, options: AuditOptions | None = None) -> AuditResult:
    """Audit the project described by ``config`` (see the module docstring for the steps).

    The whole project is analysed - a path from a trigger may pass through
    any module - and ``options.paths`` only select which spawn sites (and
    unresolved calls) are reported: those in files under one of the paths.
    """
    options = options or AuditOptions()
    result = _Run(config, options).run()
    root = config.project_root.resolve()
    selected = [os.path.realpath(p) for p in options.paths]
    if not selected or any(root == Path(p) or _is_under(root, Path(p)) for p in selected):
        return result
    prefixes = tuple(os.path.join(p, "") for p in selected)

    def wanted(path: Path) -> bool:
        text = str(path)
        return text in selected or text.startswith(prefixes)

    return AuditResult(
        tuple(s for s in result.spawns if wanted(s.path)),
        tuple(u for u in result.unresolved if wanted(u.path)),
        result.errors,
        result.stats,
    )


__all__ = ["AuditOptions", "run_audit"]
