"""Run ``start`` of ``before.py`` and ``after.py`` under many environments and print what each observably did.

``python behaviour_harness.py DIR SEED COUNT`` (run by ``test_behaviour.py`` in a subprocess): for COUNT
environments drawn from SEED it sets ``THOR_SCHEDULER_MODE=legacy`` and random values of every other
variable and attribute the generated code reads (``OTHER_FLAG``, ``RUN_MAIN``, ``self.value``,
``self.ready``; ``a``, ``b``), calls ``start`` of both modules the way a caller would (iterating a
generator, entering a context manager, running a coroutine) and records the sentinel log and the
return value or exception. Then, for the heartbeat world (unset, ``heartbeat``, ``HEARTBEAT``), it
records what ``after.start`` did. Output: one JSON object on stdout.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import json
import os
import random
import sys
import types
from pathlib import Path

OTHER_VALUES = (None, "", "1", "yes", "true")


def _call(module: types.ModuleType, self: object, a: object, b: object) -> list[object]:
    import sentinel

    sentinel.LOG.clear()
    try:
        result = module.start(self, a, b)
        if inspect.iscoroutine(result):
            result = asyncio.run(result)
        elif inspect.isgenerator(result):
            result = ["gen", *list(result)]
        elif hasattr(result, "__enter__") and hasattr(result, "__exit__"):
            with result as entered:
                sentinel.LOG.append(["with-body", repr(entered)])
            result = "context"
        outcome = ["returned", repr(result)]
    except Exception as exc:  # noqa: BLE001 - an exception is an observable outcome like any other
        outcome = ["raised", type(exc).__name__, str(exc)]
    return [list(map(repr, sentinel.LOG)), outcome]


def _environment(rng: random.Random, mode: str | None) -> None:
    for name in ("THOR_SCHEDULER_MODE", "OTHER_FLAG", "RUN_MAIN", "HEARTBEAT_ENABLED"):
        os.environ.pop(name, None)
    if mode is not None:
        os.environ["THOR_SCHEDULER_MODE"] = mode
    for name, values in (("OTHER_FLAG", OTHER_VALUES), ("RUN_MAIN", (None, "true", "false"))):
        value = rng.choice(values)
        if value is not None:
            os.environ[name] = value


def main(argv: list[str]) -> int:
    directory, seed, count = Path(argv[0]), int(argv[1]), int(argv[2])
    sys.path.insert(0, str(directory))
    before = importlib.import_module("before")
    after = importlib.import_module("after")
    rng = random.Random(seed)
    legacy: list[list[object]] = []
    for _ in range(count):
        _environment(rng, rng.choice(("legacy", "LEGACY", "legacy ")))
        self = types.SimpleNamespace(value=rng.choice((0, 1, "v")), ready=rng.choice((None, True)), disabled=rng.choice((False, True)))
        a, b = rng.choice((1, "x", None)), rng.choice((1, 2))
        legacy.append([_call(before, self, a, b), _call(after, self, a, b)])
    heartbeat: list[list[object]] = []
    for mode in (None, "heartbeat", "HEARTBEAT"):
        _environment(rng, mode)
        heartbeat.append(_call(after, types.SimpleNamespace(value=1, ready=True, disabled=False), 1, 1))
    print(json.dumps({"legacy": legacy, "heartbeat": heartbeat}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
