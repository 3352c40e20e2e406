"""Execute generated cases: run as a script in a subprocess, never imported by the tests.

``python runner.py JOB.json`` reads ``{"root", "sentinel", "values", "cases"}``
and prints, for every case, scenario and value of the mode variable, the
events the call produced and how it ended. A case stops at its first
heartbeat-world run with an event or a crash (that run decides the verdict;
:func:`tests.check.generated.oracle.judge` looks no further). Each run sets the environment,
drops the case's modules from ``sys.modules`` and imports them fresh (module
code may read the environment at import time), builds the entry point's
receiver with the scenario's attributes, calls it and records:

- every ``tg_sentinel`` event and every ``Thread.start``/``Timer.start``;
- writes to the case's module globals, to ``os.environ`` and to the receiver;
- the outcome: ``return``, ``exit`` (the generated ``raise RuntimeError("tg-exit")``),
  ``crash:<Type>`` (any other exception) or ``import:<Type>``.

Events of the import itself are not the entry point's and are dropped.
"""

from __future__ import annotations

import copy
import importlib
import inspect
import json
import logging
import os
import sys
import threading
import warnings

VAR = "THOR_SCHEDULER_MODE"


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        job = json.load(handle)
    sys.path.insert(0, job["sentinel"])
    sys.path.insert(0, job["root"])
    import tg_sentinel

    thread_starts: list[str] = []

    def fake_start(self: threading.Thread) -> None:
        thread_starts.append("thread")

    threading.Thread.start = fake_start  # type: ignore[method-assign]
    warnings.simplefilter("ignore")
    logging.basicConfig(level=logging.DEBUG, handlers=[logging.NullHandler()])
    clean_env = {k: v for k, v in os.environ.items() if k != VAR and k not in job["knob_env"]}
    results = {}
    for case in job["cases"]:
        per_scenario = []
        for scenario in case["scenarios"]:
            per_value = []
            for value in job["values"]:
                events, outcome = _run(case, scenario, value, clean_env, tg_sentinel, thread_starts)
                per_value.append([events, outcome])
                if (value is None or value.lower() == "heartbeat") and (events or outcome not in ("return", "exit")):
                    break  # not guarded: the judge stops at this run, the remaining runs would be wasted
            per_scenario.append(per_value)
            if len(per_value) < len(job["values"]):
                break
        results[case["id"]] = per_scenario
    json.dump(results, sys.stdout)


def _purge(package: str) -> None:
    for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
        del sys.modules[name]


def _state(namespace: dict) -> dict:
    """What a write would change: each name's object, and the items of plain containers (writes in place)."""
    return {k: (id(v), copy.copy(v) if type(v) in (dict, list, set) else None) for k, v in namespace.items() if k != "__builtins__"}


def _snapshot_modules(package: str) -> dict[str, dict]:
    return {
        name: _state(vars(module))
        for name, module in list(sys.modules.items())
        if (name == package or name.startswith(package + ".")) and module is not None
    }


def _run(case: dict, scenario: dict, value: str | None, clean_env: dict, sentinel, thread_starts: list[str]) -> list:
    os.environ.clear()
    os.environ.update(clean_env)
    os.environ.update(scenario["env"])
    if value is not None:
        os.environ[VAR] = value
    _purge(case["package"])
    try:
        module = importlib.import_module(case["module"])
    except BaseException as exc:  # noqa: BLE001 - any failure is a result
        return [[], f"import:{type(exc).__name__}"]
    sentinel.reset()
    thread_starts.clear()
    owner_name, _, function_name = case["qualname"].rpartition(".")
    receiver = None
    try:
        if owner_name:
            cls = getattr(module, owner_name)
            receiver = cls.__new__(cls)
            receiver.__dict__.update(_attributes(scenario["attrs"], sentinel))
            function = getattr(receiver, function_name)
        else:
            function = getattr(module, function_name)
    except BaseException as exc:  # noqa: BLE001
        return [[], f"lookup:{type(exc).__name__}"]
    before_modules = _snapshot_modules(case["package"])
    before_env = dict(os.environ)
    before_self = _state(receiver.__dict__) if receiver is not None else {}
    sentinel.reset()
    thread_starts.clear()
    events: list[str] = []
    try:
        result = function()
        if inspect.iscoroutinefunction(inspect.unwrap(function)) and inspect.iscoroutine(result):
            _drive(result)
        outcome = "return"
    except RuntimeError as exc:
        outcome = "exit" if str(exc) == "tg-exit" else "crash:RuntimeError"
    except BaseException as exc:  # noqa: BLE001
        outcome = f"crash:{type(exc).__name__}"
    # Python may close an abandoned coroutine later; record what happened now.
    events.extend(sentinel.EVENTS)
    events.extend(thread_starts)
    after_modules = _snapshot_modules(case["package"])
    for name, names in before_modules.items():
        if after_modules.get(name) != names:
            events.append(f"global-write:{name}")
    if dict(os.environ) != before_env:
        events.append("environ-write")
    if receiver is not None and _state(receiver.__dict__) != before_self:
        events.append("self-write")
    return [events, outcome]


def _drive(coroutine) -> None:  # type: ignore[no-untyped-def]
    """Run a coroutine that awaits only generated coroutines (no event loop needed)."""
    for _ in range(1000):
        try:
            coroutine.send(None)
        except StopIteration:
            return
    coroutine.close()
    raise RuntimeError("coroutine did not finish")


def _attributes(attrs: dict, sentinel) -> dict:
    values = dict(attrs)
    values["_pools"] = [sentinel.Conn(), sentinel.Conn()]
    values["_lock"] = sentinel.Lock()
    return values


if __name__ == "__main__":
    main()
