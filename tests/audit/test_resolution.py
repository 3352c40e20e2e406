"""Each name-resolution case the audit must follow, end to end: trigger -> ... -> spawn.

The trigger in every case is module import-time code (``boot.py`` calls
something at top level), so the only variable is how the call is spelled.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.audit.project import audit, by_function, only, write_project

SPAWNER = """\
import threading

def work():
    pass

def start():
    threading.Thread(target=work, daemon=True).start()
"""

CASES: dict[str, tuple[dict[str, str], str, tuple[str, ...]]] = {
    "import-as": (
        {"pkg/svc.py": SPAWNER, "boot.py": "import pkg.svc as s\ns.start()\n"},
        "pkg.svc:start",
        ("boot:<module>", "pkg.svc:start"),
    ),
    "import-dotted": (
        {"pkg/svc.py": SPAWNER, "boot.py": "import pkg.svc\npkg.svc.start()\n"},
        "pkg.svc:start",
        ("boot:<module>", "pkg.svc:start"),
    ),
    "from-import-alias": (
        {"pkg/svc.py": SPAWNER, "boot.py": "from pkg.svc import start as go\ngo()\n"},
        "pkg.svc:start",
        ("boot:<module>", "pkg.svc:start"),
    ),
    "relative-import": (
        {"pkg/svc.py": SPAWNER, "pkg/boot.py": "from .svc import start\nstart()\n"},
        "pkg.svc:start",
        ("pkg.boot:<module>", "pkg.svc:start"),
    ),
    "relative-module-import": (
        {"pkg/svc.py": SPAWNER, "pkg/sub/boot.py": "from .. import svc\nsvc.start()\n"},
        "pkg.svc:start",
        ("pkg.sub.boot:<module>", "pkg.svc:start"),
    ),
    "package-re-export": (
        {"pkg/svc.py": SPAWNER, "pkg/__init__.py": "from .svc import start\n", "boot.py": "from pkg import start\nstart()\n"},
        "pkg.svc:start",
        ("boot:<module>", "pkg.svc:start"),
    ),
    "function-alias": (
        {"pkg/svc.py": SPAWNER + "launch = start\n", "boot.py": "from pkg.svc import launch\nlaunch()\n"},
        "pkg.svc:start",
        ("boot:<module>", "pkg.svc:start"),
    ),
    "self-method": (
        {
            "pkg/svc.py": """\
                import threading
                class Service:
                    def boot(self):
                        self._spawn()
                    def _spawn(self):
                        threading.Thread(target=print).start()
            """,
            "boot.py": "from pkg.svc import Service\nService().boot()\n",
        },
        "pkg.svc:Service._spawn",
        ("boot:<module>", "pkg.svc:Service.boot", "pkg.svc:Service._spawn"),
    ),
    "module-singleton": (
        {
            "pkg/mon.py": """\
                import threading
                class Monitor:
                    def start(self):
                        threading.Timer(5, print).start()
                monitor = Monitor()
            """,
            "boot.py": "from pkg.mon import monitor\nmonitor.start()\n",
        },
        "pkg.mon:Monitor.start",
        ("boot:<module>", "pkg.mon:Monitor.start"),
    ),
    "local-instance": (
        {
            "pkg/mon.py": "import threading\nclass Monitor:\n    def start(self):\n        threading.Thread(target=print).start()\n",
            "boot.py": "from pkg import mon\ndef main():\n    m = mon.Monitor()\n    m.start()\nmain()\n",
        },
        "pkg.mon:Monitor.start",
        ("boot:<module>", "boot:main", "pkg.mon:Monitor.start"),
    ),
    "attribute-instance": (
        {
            "pkg/mon.py": "import threading\nclass Monitor:\n    def start(self):\n        threading.Thread(target=print).start()\n",
            "pkg/owner.py": """\
                from pkg.mon import Monitor
                class Owner:
                    def __init__(self):
                        self.monitor = Monitor()
                    def boot(self):
                        self.monitor.start()
            """,
            "boot.py": "from pkg.owner import Owner\nOwner().boot()\n",
        },
        "pkg.mon:Monitor.start",
        ("boot:<module>", "pkg.owner:Owner.boot", "pkg.mon:Monitor.start"),
    ),
    "inherited-method": (
        {
            "pkg/base.py": "import threading\nclass Base:\n    def start(self):\n        threading.Thread(target=print).start()\n",
            "pkg/sub.py": "from pkg.base import Base\nclass Sub(Base):\n    pass\n",
            "boot.py": "from pkg.sub import Sub\nSub().start()\n",
        },
        "pkg.base:Base.start",
        ("boot:<module>", "pkg.base:Base.start"),
    ),
    "super-call": (
        {
            "pkg/base.py": "import threading\nclass Base:\n    def start(self):\n        threading.Thread(target=print).start()\n",
            "pkg/sub.py": "from pkg.base import Base\nclass Sub(Base):\n    def start(self):\n        super().start()\n",
            "boot.py": "from pkg.sub import Sub\nSub().start()\n",
        },
        "pkg.base:Base.start",
        ("boot:<module>", "pkg.sub:Sub.start", "pkg.base:Base.start"),
    ),
    "star-import": (
        {"pkg/svc.py": SPAWNER, "boot.py": "from pkg.svc import *\nstart()\n"},
        "pkg.svc:start",
        ("boot:<module>", "pkg.svc:start"),
    ),
    "local-import-in-function": (
        {"pkg/svc.py": SPAWNER, "boot.py": "def main():\n    from pkg.svc import start\n    start()\nmain()\n"},
        "pkg.svc:start",
        ("boot:<module>", "boot:main", "pkg.svc:start"),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_call_is_followed(tmp_path: Path, case: str) -> None:
    files, function, path = CASES[case]
    result = audit(write_project(tmp_path, files))
    spawn = by_function(result)[function]
    assert spawn.classification == "unguarded"
    assert spawn.call_path == path
    assert spawn.code == "TG010"


def test_target_function_in_another_module_is_a_background_loop(tmp_path: Path) -> None:
    files = {
        "pkg/work.py": "import time\ndef loop_forever():\n    while True:\n        time.sleep(1)\n",
        "pkg/svc.py": "import threading\nfrom pkg.work import loop_forever\ndef start():\n    threading.Thread(target=loop_forever).start()\n",
        "boot.py": "from pkg.svc import start\nstart()\n",
    }
    result = audit(write_project(tmp_path, files))
    loop = only(result, "loop")
    assert (loop.function, loop.api, loop.classification) == ("pkg.work:loop_forever", "time.sleep", "unguarded")
    assert loop.call_path == ("boot:<module>", "pkg.svc:start", "pkg.work:loop_forever")
    assert only(result, "thread").target == "pkg.work:loop_forever"


def test_nested_function_target(tmp_path: Path) -> None:
    files = {
        "svc.py": """\
            import threading, time
            def start():
                def run():
                    while True:
                        time.sleep(1)
                threading.Thread(target=run).start()
            start()
        """,
    }
    result = audit(write_project(tmp_path, files))
    loop = only(result, "loop")
    assert loop.function == "svc:start.<locals>.run"
    assert loop.call_path == ("svc:<module>", "svc:start", "svc:start.<locals>.run")


def test_lambda_target_and_method_target(tmp_path: Path) -> None:
    files = {
        "svc.py": """\
            import threading
            from threading import Event
            class Worker:
                def __init__(self):
                    self.stop = Event()
                def run(self):
                    while not self.stop.wait(5):
                        pass
                def start(self):
                    threading.Thread(target=lambda: self.run()).start()
                def start_direct(self):
                    threading.Thread(target=self.run).start()
            Worker().start()
        """,
    }
    result = audit(write_project(tmp_path, files))
    loop = only(result, "loop")
    assert loop.classification == "unguarded"
    assert loop.call_path == ("svc:<module>", "svc:Worker.start", "svc:Worker.start.<locals>.<lambda@10:33>", "svc:Worker.run")
    direct = by_function(result, "thread")["svc:Worker.start_direct"]
    assert (direct.target, direct.classification) == ("svc:Worker.run", "unreachable")


def test_partial_target(tmp_path: Path) -> None:
    files = {
        "svc.py": """\
            import functools, threading, time
            def poll(interval):
                while True:
                    time.sleep(interval)
            threading.Thread(target=functools.partial(poll, 5)).start()
        """,
    }
    result = audit(write_project(tmp_path, files))
    assert only(result, "thread").target == "svc:poll"
    assert only(result, "loop").classification == "unguarded"


def test_unresolvable_calls_are_counted_and_listed(tmp_path: Path) -> None:
    files = {
        "pkg/svc.py": SPAWNER,
        "boot.py": """\
            import importlib
            def run(service):
                service.start()
            run(importlib.import_module("pkg.svc"))
            getattr(importlib.import_module("pkg.svc"), "start")()
        """,
    }
    result = audit(write_project(tmp_path, files))
    # The dynamic calls cannot be followed: the spawn stays unreachable, and the gap is reported.
    assert only(result, "thread").classification == "unreachable"
    texts = {(u.function, u.text, u.relevant) for u in result.unresolved}
    assert ("boot:run", "service.start", True) in texts
    assert any(u.function == "boot:<module>" and "getattr" in u.text for u in result.unresolved)
    assert result.stats.unresolved_calls == len(result.unresolved) >= 2


def test_annotations_and_none_placeholders_type_attributes_and_parameters(tmp_path: Path) -> None:
    files = {
        "pkg/mon.py": "import threading\nclass Monitor:\n    def start(self):\n        threading.Thread(target=print).start()\n",
        "pkg/owner.py": """\
            from __future__ import annotations
            from typing import Optional
            from pkg.mon import Monitor
            class Owner:
                monitor: Monitor
                def __init__(self) -> None:
                    self.backup: Optional[Monitor] = None
                def boot(self) -> None:
                    self.monitor.start()
                def boot_backup(self) -> None:
                    self.backup.start()
            def run(m: "Monitor | None") -> None:
                m.start()
            Owner().boot()
            Owner().boot_backup()
            run(Monitor())
        """,
    }
    result = audit(write_project(tmp_path, files))
    spawn = only(result)
    assert spawn.call_path == ("pkg.owner:<module>", "pkg.owner:Owner.boot", "pkg.mon:Monitor.start")
    assert result.unresolved == ()


def test_method_calls_on_literals_and_external_results_are_resolved(tmp_path: Path) -> None:
    files = {
        "svc.py": """\
            import os, threading
            def start():
                names = []
                names.append(",".join(["a"]).upper())
                os.environ.get("X", "").strip().lower()
                f"{names}".format()
                threading.Thread(target=print).start()
            start()
        """,
    }
    result = audit(write_project(tmp_path, files))
    assert result.unresolved == ()
    assert only(result).classification == "unguarded"
