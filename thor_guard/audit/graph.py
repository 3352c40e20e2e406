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

# External callables whose call starts background work: dotted name -> spawn kind.
SPAWN_CALLS: dict[str, str] = {
    "threading.Thread": "thread",
    "threading.Timer": "timer",
    "_thread.start_new_thread": "thread",
    "_thread.start_new": "thread",
    "thread.start_new_thread": "thread",
    "multiprocessing.Process": "process",
    "multiprocessing.context.Process": "process",
    "multiprocessing.process.BaseProcess": "process",
    "multiprocessing.Pool": "process",
    "multiprocessing.pool.Pool": "process",
    "multiprocessing.pool.ThreadPool": "thread",
    "multiprocessing.dummy.Pool": "thread",
    "asyncio.create_task": "task",
    "asyncio.ensure_future": "task",
    "asyncio.tasks.create_task": "task",
    "asyncio.tasks.ensure_future": "task",
}
# Base classes whose subclasses start work when constructed-and-started.
SPAWN_BASES: dict[str, str] = {
    "threading.Thread": "thread",
    "threading.Timer": "timer",
    "multiprocessing.Process": "process",
    "multiprocessing.context.Process": "process",
}
_EXECUTORS = frozenset(
    {
        "concurrent.futures.ThreadPoolExecutor",
        "concurrent.futures.ProcessPoolExecutor",
        "concurrent.futures.thread.ThreadPoolExecutor",
        "concurrent.futures.process.ProcessPoolExecutor",
    }
)
# (instance type, method) -> spawn kind
SPAWN_METHODS: dict[tuple[str, str], str] = {
    **{(executor, method): "executor" for executor in _EXECUTORS for method in ("submit", "map")},
    ("sched.scheduler", "run"): "sched",
}
# Method names that spawn whatever the receiver is (event loops, task groups).
SPAWN_ANY_RECEIVER: dict[str, str] = {"create_task": "task", "ensure_future": "task", "run_in_executor": "executor"}

APP_CONFIG = frozenset({"django.apps.AppConfig", "django.apps.config.AppConfig"})
RECEIVER_DECORATORS = frozenset({"django.dispatch.receiver", "django.dispatch.dispatcher.receiver"})
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
STARTUP_TRIGGERS = frozenset({"app-ready", "signal", "import", "gunicorn", "asgi"})
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


def _is_command_module(module: str) -> bool:
    parts = module.split(".")
    return any(parts[i] == "management" and parts[i + 1] == "commands" for i in range(len(parts) - 1)) and len(parts) >= 3


def _is_gunicorn_module(module: str) -> bool:
    return _GUNICORN_FILE.search(module) is not None


def _last_name(ref: Ref) -> str:
    if ref.attrs:
        return ref.attrs[-1]
    return ref.head.rsplit(".", 1)[-1]


class GraphBuilder:
    """Turns linked facts into a :class:`CallGraph`."""

    def __init__(self, linker: Linker) -> None:
        self.linker = linker
        self.graph = CallGraph()

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
                self.graph.functions[node_id(module_facts.module, function.qualname)] = (module_facts.module, function)
        for module_facts in facts:
            self._module(module_facts)
        return self.graph

    def _module(self, facts: ModuleFacts) -> None:
        module = facts.module
        command_module = _is_command_module(module)
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
            if sym is not None and sym.kind == "ext" and sym.module in RECEIVER_DECORATORS:
                graph.triggers.setdefault(node, "signal")
            elif name == "on_event" and decorator.first_str == "startup":
                graph.triggers.setdefault(node, "asgi")
        if function.is_lambda and not function.spawn_target_lambda:
            parent = function.qualname.rsplit(".<locals>.", 1)[0] if ".<locals>." in function.qualname else MODULE_CODE
            graph.add_call(node_id(module, parent), node)
        for loop in function.loops:
            graph.spawns.append(SpawnSite(node, module, loop.line, loop.column, "loop", loop.waits))
        for call in function.calls:
            self._call(module, node, call)

    def _call(self, module: str, node: str, call: CallFact) -> None:
        linker = self.linker
        graph = self.graph
        sym = linker.resolve(call.ref)
        callee = self.callable_node(sym)
        if callee is not None:
            graph.add_call(node, callee)
        elif sym is None or sym.kind == "extinst":
            # Unknown, or calling the result of another call (``getattr(obj, name)()``): not followable.
            graph.unresolved.append(UnresolvedCall(node, module, call.line, call.column, call.ref.text()))
        spawn = self._spawn_kind(sym, call)
        if spawn is not None:
            kind, api, implicit_target = spawn
            target_node = self._target_node(call.target) if call.target is not None else None
            if target_node is None:
                target_node = implicit_target
            graph.spawns.append(SpawnSite(node, module, call.line, call.column, kind, api, target_node))
            if target_node is not None:
                graph.add_spawn_edge(node, target_node)
        if call.callback is not None:
            target = self._target_node(call.callback)
            if target is not None:
                if call.callback_kind == "connect":
                    graph.triggers.setdefault(target, "signal")
                elif call.callback_kind in ("startup", "lifespan"):
                    graph.triggers.setdefault(target, "asgi")
        if call.view is not None and _last_name(call.ref) in URL_FUNCTIONS and sym is not None and sym.kind in ("ext", "extinst", "func"):
            view = linker.resolve(call.view)
            if view is not None and view.kind == "func" and not call.view_is_class:
                graph.triggers.setdefault(node_id(view.module, view.name), "view")
            elif view is not None and view.kind == "class":
                for method in HTTP_METHODS:
                    found = linker.member(view, method)
                    if found is not None and found.kind == "func" and not found.module.startswith("django."):
                        graph.triggers.setdefault(node_id(found.module, found.name), "view")

    def _target_node(self, ref: Ref) -> str | None:
        sym = self.linker.resolve(ref)
        if sym is not None and sym.kind == "class":
            run = self.linker.member(Sym("inst", sym.module, sym.name), "__call__")
            return node_id(run.module, run.name) if run is not None and run.kind == "func" else None
        return self.callable_node(sym) if sym is not None and sym.kind != "class" else None

    def _spawn_kind(self, sym: Sym | None, call: CallFact) -> tuple[str, str, str | None] | None:
        """(kind, api shown in paths, implicit target node) when this call starts background work."""
        if sym is not None:
            if sym.kind == "ext" and sym.module in SPAWN_CALLS:
                return SPAWN_CALLS[sym.module], sym.module, None
            if sym.kind == "extmeth":
                kind = SPAWN_METHODS.get((sym.module, sym.name))
                if kind is not None:
                    return kind, f"{sym.module.rsplit('.', 1)[-1]}.{sym.name}", None
            if sym.kind == "class":
                ancestors = self.linker.ancestor_names(sym)
                for base, kind in SPAWN_BASES.items():
                    if base in ancestors:
                        run = self.linker.member(Sym("inst", sym.module, sym.name), "run")
                        target = node_id(run.module, run.name) if run is not None and run.kind == "func" else None
                        return kind, f"{sym.module}.{sym.name}", target
        name = _last_name(call.ref)
        if name in SPAWN_ANY_RECEIVER and (sym is None or sym.kind in ("extmeth", "ext")):
            return SPAWN_ANY_RECEIVER[name], name, None
        return None


def build_graph(linker: Linker, facts: Mapping[str, ModuleFacts]) -> CallGraph:
    return GraphBuilder(linker).build(facts.values())


def settle_app_configs(graph: CallGraph, linker: Linker, relevant: set[str]) -> None:
    """Parse the base classes of relevant ``ready`` methods on demand to decide if they are AppConfig triggers."""
    for ready, sym in graph.maybe_app_ready:
        if ready in relevant and linker.ancestor_names(sym, load=True) & APP_CONFIG:
            graph.triggers.setdefault(ready, "app-ready")
