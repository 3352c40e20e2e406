"""The call graph over linked facts: call edges, spawn sites, spawn edges and triggers.

Nodes are ``module:qualname`` strings (a module's import-time code is
``module:<module>``). A *spawn edge* goes from the spawning function to the
function the new thread/process/task runs, so a sleeping loop inside that
target is reached "in the background".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from thor_guard.audit.link import INCOMPLETE, Linker, Sym
from thor_guard.audit.model import (
    MAIN_CODE,
    MODULE_CODE,
    CallFact,
    FunctionFact,
    ModuleFacts,
    Ref,
    node_id,
)
from thor_guard.audit.spawners import Spawner, SpawnerTable

# The spawner table (thor_guard.audit.spawners) decides what starts background work; these views of
# the built-in rows stay for callers that only need the standard library's names.
_BUILTIN = SpawnerTable.build()
SPAWN_BASES: dict[str, str] = {name: row.kind for name, row in _BUILTIN.bases.items()}

APP_CONFIG = frozenset({"django.apps.AppConfig", "django.apps.config.AppConfig"})
RECEIVER_DECORATORS = frozenset({"django.dispatch.receiver", "django.dispatch.dispatcher.receiver"})
# Decorators that make the function a start-up hook of the process it runs in.
HOOK_DECORATORS: dict[str, str] = {
    "uwsgidecorators.postfork": "uwsgi",
    "atexit.register": "atexit",
}
CELERY_SIGNALS = frozenset(
    {
        "worker_ready", "worker_init", "worker_process_init", "worker_start", "beat_init", "beat_embedded_init",
        "celeryd_init", "celeryd_after_setup", "import_modules", "on_after_configure", "on_after_finalize",
    }
)
"""``celery.signals`` (and ``app.on_after_configure``/``on_after_finalize``) whose receivers run when a worker or beat starts."""
CALL_COMMAND = frozenset({"django.core.management.call_command", "django.core.management.base.call_command"})
URL_FUNCTIONS = frozenset({"path", "re_path", "url"})
HTTP_METHODS = ("get", "post", "put", "patch", "delete", "head", "options", "trace", "dispatch")
GUNICORN_HOOKS = frozenset(
    {
        "on_starting", "on_reload", "when_ready", "pre_fork", "post_fork", "post_worker_init", "worker_int",
        "worker_abort", "pre_exec", "pre_request", "post_request", "child_exit", "worker_exit",
        "nworkers_changed", "on_exit",
    }
)
_GUNICORN_FILE = re.compile(r"(^|\.)gunicorn([._]?conf(ig)?)?$|(^|\.)gunicorn_[a-z_]*$")

TriggerKind = str
STARTUP_TRIGGERS = frozenset({"app-ready", "signal", "import", "gunicorn", "asgi", "uwsgi", "atexit", "celery"})
ON_DEMAND_TRIGGERS = frozenset({"command", "view", "script"})


@dataclass(frozen=True)
class SpawnSite:
    node: str
    """The enclosing function, ``module:qualname``."""
    module: str
    line: int
    column: int
    kind: str
    """thread, timer, process, executor, task, sched or loop."""
    api: str
    """What is called (``threading.Thread``) or waited on (``time.sleep``) - shown in the call path."""
    target: str | None = None


@dataclass(frozen=True)
class UnresolvedCall:
    node: str
    module: str
    line: int
    column: int
    text: str


@dataclass
class CallGraph:
    calls: dict[str, set[str]] = field(default_factory=dict)
    spawn_edges: dict[str, set[str]] = field(default_factory=dict)
    spawns: list[SpawnSite] = field(default_factory=list)
    triggers: dict[str, str] = field(default_factory=dict)
    """node -> trigger kind (a node keeps the first, most specific kind found)."""
    unresolved: list[UnresolvedCall] = field(default_factory=list)
    functions: dict[str, tuple[str, FunctionFact]] = field(default_factory=dict)
    """node -> (module, fact)."""
    callers: dict[str, set[str]] = field(default_factory=dict)
    maybe_app_ready: list[tuple[str, Sym]] = field(default_factory=list)
    """``ready`` methods of classes with a base outside the parsed set: an AppConfig only if that base is one."""

    def add_call(self, caller: str, callee: str) -> None:
        self.calls.setdefault(caller, set()).add(callee)
        self.callers.setdefault(callee, set()).add(caller)

    def add_spawn_edge(self, spawner: str, target: str) -> None:
        self.spawn_edges.setdefault(spawner, set()).add(target)
        self.callers.setdefault(target, set()).add(spawner)


def is_command_module(module: str) -> bool:
    """``<app>.management.commands.<name>``: a Django management command."""
    if ".commands" not in module:
        return False
    parts = module.split(".")
    return any(parts[i] == "management" and parts[i + 1] == "commands" for i in range(len(parts) - 1)) and len(parts) >= 3


def _is_gunicorn_module(module: str) -> bool:
    return _GUNICORN_FILE.search(module) is not None


def _last_name(ref: Ref) -> str:
    if ref.attrs:
        return ref.attrs[-1]
    return ref.head.rsplit(".", 1)[-1]


_NAMED = frozenset({"ext", "extmeth", "func", "class"})


def dotted_name(sym: Sym | None) -> str | None:
    """The dotted name a resolved symbol stands for (``threading.Thread``, ``pkg.mod.Class.method``)."""
    if sym is None:
        return None
    if sym.kind == "ext":
        return sym.module
    if sym.kind in ("extmeth", "func", "class"):
        return f"{sym.module}.{sym.name}"
    return None


class GraphBuilder:
    """Turns linked facts into a :class:`CallGraph`, with the spawner rows of ``table``."""

    def __init__(self, linker: Linker, table: SpawnerTable | None = None) -> None:
        self.linker = linker
        self.table = table if table is not None else _BUILTIN
        self.graph = CallGraph()
        self._wrappers: dict[str, Spawner | None] = {}
        self._decorated: set[str] = set()
        self._commands: dict[str, list[str]] | None = None

    def callable_node(self, sym: Sym | None) -> str | None:
        """The node a called symbol runs (a function, or a class's ``__init__``/instance ``__call__``)."""
        if sym is None:
            return None
        if sym.kind == "func":
            return node_id(sym.module, sym.name)
        if sym.kind == "class":
            init = self.linker.member(sym, "__init__")
            return node_id(init.module, init.name) if init is not None and init.kind == "func" else None
        if sym.kind == "inst":
            call = self.linker.member(sym, "__call__")
            return node_id(call.module, call.name) if call is not None and call.kind == "func" else None
        return None

    def build(self, facts: Iterable[ModuleFacts]) -> CallGraph:
        facts = list(facts)
        for module_facts in facts:
            for function in module_facts.functions:
                node = node_id(module_facts.module, function.qualname)
                self.graph.functions[node] = (module_facts.module, function)
                if function.decorators:
                    self._decorated.add(node)
        for module_facts in facts:
            self._module(module_facts)
        return self.graph

    def _module(self, facts: ModuleFacts) -> None:
        module = facts.module
        command_module = is_command_module(module)
        self.graph.triggers.setdefault(node_id(module, MODULE_CODE), "command" if command_module else "import")
        gunicorn = _is_gunicorn_module(module)
        for function in facts.functions:
            node = node_id(module, function.qualname)
            self._function(module, node, function)
            if function.qualname == MAIN_CODE:
                self.graph.triggers.setdefault(node, "script")
            if gunicorn and "." not in function.qualname and function.qualname in GUNICORN_HOOKS:
                self.graph.triggers.setdefault(node, "gunicorn")
        for cls in facts.classes:
            sym = Sym("class", module, cls.qualname)
            if "ready" in cls.methods:
                ancestors = self.linker.ancestor_names(sym)
                ready = node_id(module, f"{cls.qualname}.ready")
                if ancestors & APP_CONFIG:
                    self.graph.triggers.setdefault(ready, "app-ready")
                elif INCOMPLETE in ancestors:
                    self.graph.maybe_app_ready.append((ready, sym))
            if command_module and cls.qualname == "Command":
                handle = self.linker.member(sym, "handle")
                if handle is not None and handle.kind == "func":
                    self.graph.triggers.setdefault(node_id(handle.module, handle.name), "command")

    def _function(self, module: str, node: str, function: FunctionFact) -> None:
        linker = self.linker
        graph = self.graph
        for decorator in function.decorators:
            sym = linker.resolve(decorator.ref)
            name = _last_name(decorator.ref)
            dotted = dotted_name(sym)
            if sym is not None and sym.kind == "ext" and sym.module in RECEIVER_DECORATORS:
                graph.triggers.setdefault(node, "signal")
            elif name == "on_event" and decorator.first_str == "startup":
                graph.triggers.setdefault(node, "asgi")
            elif dotted in HOOK_DECORATORS:
                graph.triggers.setdefault(node, HOOK_DECORATORS[dotted])  # type: ignore[index]
            elif name == "connect":
                graph.triggers.setdefault(node, _signal_trigger(decorator.ref))
            row = self.table.decorators.get(dotted) if dotted is not None else None
            if row is not None:
                parent = _defining_node(module, function.qualname)
                graph.spawns.append(SpawnSite(parent, module, decorator.line, decorator.column, row.kind, _api(row, dotted), node))
                graph.add_spawn_edge(parent, node)
        if function.lifespan_startup:
            graph.triggers.setdefault(node, "asgi")
        if function.is_lambda and not function.spawn_target_lambda:
            parent = function.qualname.rsplit(".<locals>.", 1)[0] if ".<locals>." in function.qualname else MODULE_CODE
            graph.add_call(node_id(module, parent), node)
        for loop in function.loops:
            graph.spawns.append(SpawnSite(node, module, loop.line, loop.column, "loop", loop.waits))
        for call in function.calls:
            self._call(module, node, call)

    def _wrapper_row(self, callee: str) -> Spawner | None:
        """The ``wrapper`` row (``@uwsgidecorators.thread``) a called project function is decorated with."""
        if callee in self._wrappers:
            return self._wrappers[callee]
        found: Spawner | None = None
        entry = self.graph.functions.get(callee)
        if entry is not None and self.table.wrappers:
            for decorator in entry[1].decorators:
                dotted = dotted_name(self.linker.resolve(decorator.ref))
                if dotted in self.table.wrappers:
                    found = self.table.wrappers[dotted]  # type: ignore[index]
                    break
        self._wrappers[callee] = found
        return found

    def _call(self, module: str, node: str, call: CallFact) -> None:
        linker = self.linker
        graph = self.graph
        sym = linker.resolve(call.ref)
        callee = self.callable_node(sym)
        wrapper = self._wrapper_row(callee) if callee is not None and callee in self._decorated else None
        if callee is not None and wrapper is None:
            graph.add_call(node, callee)
        elif sym is None or sym.kind == "extinst":
            # Unknown, or calling the result of another call (``getattr(obj, name)()``): not followable.
            graph.unresolved.append(UnresolvedCall(node, module, call.line, call.column, call.ref.text()))
        dotted = dotted_name(sym) if sym is not None and sym.kind in _NAMED else None
        if call.first_str and dotted in CALL_COMMAND:
            self._call_command(node, call.first_str)
        spawn = self._spawn_kind(sym, dotted, call)
        if wrapper is not None and callee is not None:
            spawn = (wrapper.kind, callee.replace(":", "."), callee, wrapper)
        if spawn is not None:
            kind, api, implicit_target, row = spawn
            target_node = self._target_of(call, row) or implicit_target
            if row is None or row.role != "job":
                graph.spawns.append(SpawnSite(node, module, call.line, call.column, kind, api, target_node))
            if target_node is not None:
                graph.add_spawn_edge(node, target_node)
        elif call.target is not None and "<lambda@" in call.target.head:
            # A lambda handed to something that is not a spawner (``map(lambda ...)``) runs right here.
            lam = self._target_node(call.target)
            if lam is not None:
                graph.add_call(node, lam)
        if call.callbacks:
            trigger = self._callback_trigger(call, dotted)
            if trigger is not None:
                for callback in call.callbacks:
                    target = self._target_node(callback)
                    if target is not None:
                        graph.triggers.setdefault(target, trigger)
        if call.view is not None and _last_name(call.ref) in URL_FUNCTIONS and sym is not None and sym.kind in ("ext", "extinst", "func"):
            view = linker.resolve(call.view)
            if view is not None and view.kind == "func" and not call.view_is_class:
                graph.triggers.setdefault(node_id(view.module, view.name), "view")
            elif view is not None and view.kind == "class":
                for method in HTTP_METHODS:
                    found = linker.member(view, method)
                    if found is not None and found.kind == "func" and not found.module.startswith("django."):
                        graph.triggers.setdefault(node_id(found.module, found.name), "view")

    @staticmethod
    def _callback_trigger(call: CallFact, dotted: str | None) -> str | None:
        if call.callback_kind == "connect":
            return _signal_trigger(call.ref)
        if call.callback_kind in ("startup", "lifespan"):
            return "asgi"
        if call.callback_kind == "register" and dotted == "atexit.register":
            return "atexit"
        return None

    def _call_command(self, node: str, name: str) -> None:
        """``call_command("name")`` runs the module-level code and ``Command.handle`` of every command called ``name``."""
        if self._commands is None:
            self._commands = {}
            for module in sorted(self.linker.modules):
                if is_command_module(module):
                    self._commands.setdefault(module.rsplit(".", 1)[-1], []).append(module)
        for module in self._commands.get(name, ()):
            # Not parsed means it leads to no spawn: a command that does is a seed or calls a wanted name.
            if self.linker.module_index(module) is None:
                continue
            self.graph.add_call(node, node_id(module, MODULE_CODE))
            handle = self.linker.member(Sym("class", module, "Command"), "handle")
            if handle is not None and handle.kind == "func":
                self.graph.add_call(node, node_id(handle.module, handle.name))

    def _target_of(self, call: CallFact, row: Spawner | None) -> str | None:
        """The function handed over (the extractor picked it by keyword or by the row's position)."""
        return self._target_node(call.target) if call.target is not None else None

    def _target_node(self, ref: Ref) -> str | None:
        sym = self.linker.resolve(ref)
        if sym is not None and sym.kind == "class":
            run = self.linker.member(Sym("inst", sym.module, sym.name), "__call__")
            return node_id(run.module, run.name) if run is not None and run.kind == "func" else None
        return self.callable_node(sym) if sym is not None and sym.kind != "class" else None

    def _spawn_kind(self, sym: Sym | None, dotted: str | None, call: CallFact) -> tuple[str, str, str | None, Spawner | None] | None:
        """(kind, api shown in paths, implicit target node, row) when this call starts background work."""
        table = self.table
        if sym is not None:
            if dotted is not None and sym.kind != "extmeth" and dotted in table.calls:
                row = table.calls[dotted]  # type: ignore[index]
                return row.kind, _api(row, dotted), None, row  # type: ignore[arg-type]
            if sym.kind == "extmeth":
                row = table.method_row(sym.module, sym.name)
                if row is not None:
                    return row.kind, f"{sym.module.rsplit('.', 1)[-1]}.{sym.name}", None, row
            if sym.kind == "class" and table.bases:
                ancestors = self.linker.ancestor_names(sym)
                if ancestors.isdisjoint(table.bases):
                    return None if _last_name(call.ref) not in table.any_receiver else self._any_receiver(sym, call)
                for base, row in table.bases.items():
                    if base in ancestors:
                        run = self.linker.member(Sym("inst", sym.module, sym.name), "run")
                        target = node_id(run.module, run.name) if run is not None and run.kind == "func" else None
                        return row.kind, f"{sym.module}.{sym.name}", target, row
        return self._any_receiver(sym, call)

    def _any_receiver(self, sym: Sym | None, call: CallFact) -> tuple[str, str, str | None, Spawner | None] | None:
        """``*:`` rows: a method of that name on a receiver whose type is unknown or external."""
        name = _last_name(call.ref)
        row = self.table.any_receiver.get(name)
        if row is not None and (sym is None or sym.kind in ("extmeth", "ext")):
            return row.kind, name, None, row
        return None


def _api(row: Spawner, dotted: str | None) -> str:
    return dotted or row.dotted


def _defining_node(module: str, qualname: str) -> str:
    """The code that runs a ``def`` statement (and its decorators): the enclosing function, or import-time code."""
    return node_id(module, qualname.rsplit(".<locals>.", 1)[0] if ".<locals>." in qualname else MODULE_CODE)


def _signal_trigger(ref: Ref) -> str:
    """``worker_ready.connect`` -> ``celery``; any other ``<signal>.connect`` -> ``signal``."""
    parts = [*ref.head.split("."), *ref.attrs]
    return "celery" if len(parts) >= 2 and parts[-2] in CELERY_SIGNALS else "signal"


def build_graph(linker: Linker, facts: Mapping[str, ModuleFacts], table: SpawnerTable | None = None) -> CallGraph:
    return GraphBuilder(linker, table).build(facts.values())


def settle_app_configs(graph: CallGraph, linker: Linker, relevant: set[str]) -> None:
    """Parse the base classes of relevant ``ready`` methods on demand to decide if they are AppConfig triggers."""
    for ready, sym in graph.maybe_app_ready:
        if ready in relevant and linker.ancestor_names(sym, load=True) & APP_CONFIG:
            graph.triggers.setdefault(ready, "app-ready")
