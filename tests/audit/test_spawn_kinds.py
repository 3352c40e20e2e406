"""What counts as starting background work, and what does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.audit.project import audit, write_project

KINDS: dict[str, tuple[str, str, str]] = {
    "thread": ("import threading\n", "threading.Thread(target=print).start()", "threading.Thread"),
    "thread-from-import": ("from threading import Thread as T\n", "T(target=print).start()", "threading.Thread"),
    "timer": ("import threading\n", "threading.Timer(1.0, print).start()", "threading.Timer"),
    "process": ("import multiprocessing as mp\n", "mp.Process(target=print).start()", "multiprocessing.Process"),
    "pool": ("from multiprocessing import Pool\n", "Pool(2)", "multiprocessing.Pool"),
    "low-level-thread": ("import _thread\n", "_thread.start_new_thread(print, ())", "_thread.start_new_thread"),
    "executor-submit": (
        "from concurrent.futures import ThreadPoolExecutor\n",
        "ex = ThreadPoolExecutor(2)\n    ex.submit(print)",
        "ThreadPoolExecutor.submit",
    ),
    "executor-with-map": (
        "import concurrent.futures\n",
        "with concurrent.futures.ProcessPoolExecutor() as pool:\n        pool.map(print, [1])",
        "ProcessPoolExecutor.map",
    ),
    "asyncio-task": ("import asyncio\n", "asyncio.create_task(asyncio.sleep(1))", "asyncio.create_task"),
    "loop-create-task": ("import asyncio\n", "asyncio.get_event_loop().create_task(asyncio.sleep(1))", "create_task"),
    "ensure-future": ("import asyncio\n", "asyncio.ensure_future(asyncio.sleep(1))", "asyncio.ensure_future"),
    "sched": ("import sched, time\n", "s = sched.scheduler(time.monotonic, time.sleep)\n    s.run()", "scheduler.run"),
}


@pytest.mark.parametrize("case", sorted(KINDS))
def test_spawn_api_is_found(tmp_path: Path, case: str) -> None:
    imports, statement, api = KINDS[case]
    source = f"{imports}def start():\n    {statement}\nstart()\n"
    result = audit(write_project(tmp_path, {"svc.py": source}))
    spawns = [s for s in result.spawns if s.kind != "loop"]
    assert [(s.api, s.function, s.classification) for s in spawns] == [(api, "svc:start", "unguarded")]


def test_thread_subclass_construction_and_its_run_loop(tmp_path: Path) -> None:
    files = {
        "pkg/worker.py": """\
            import threading, time
            class Worker(threading.Thread):
                def run(self):
                    while True:
                        time.sleep(1)
        """,
        "pkg/other.py": "from pkg.worker import Worker\nclass Special(Worker):\n    pass\n",
        "boot.py": "from pkg.other import Special\nSpecial().start()\n",
    }
    result = audit(write_project(tmp_path, files))
    kinds = {(s.kind, s.api, s.function, s.classification) for s in result.spawns}
    assert kinds == {
        ("thread", "pkg.other.Special", "boot:<module>", "unguarded"),
        ("loop", "time.sleep", "pkg.worker:Worker.run", "unguarded"),
    }


def test_foreground_loops_and_non_spawns_are_not_reported(tmp_path: Path) -> None:
    files = {
        "svc.py": """\
            import threading, time
            lock = threading.Lock()
            event = threading.Event()
            def wait_for_it():
                while not event.is_set():
                    time.sleep(0.1)
            def helper(thread: threading.Thread):
                thread.join()
            wait_for_it()
        """,
    }
    assert audit(write_project(tmp_path, files)).spawns == ()


def test_loop_that_does_not_sleep_is_not_a_spawn(tmp_path: Path) -> None:
    files = {"svc.py": "import threading\ndef spin():\n    while True:\n        pass\nthreading.Thread(target=spin).start()\n"}
    assert [s.kind for s in audit(write_project(tmp_path, files)).spawns] == ["thread"]
