"""Guards decided by the verifier, wherever they stand on the path; allow-lists; unreachable sites."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.audit.project import GUARD, audit, by_function, only, write_project

SPAWNER = "import threading\ndef start():\n    threading.Thread(target=print).start()\n"


def test_guard_in_the_spawning_function(tmp_path: Path) -> None:
    files = {"svc.py": f"import os, threading\ndef start():\n{GUARD}    threading.Thread(target=print).start()\nstart()\n"}
    spawn = only(audit(write_project(tmp_path, files)))
    assert (spawn.classification, spawn.guarded_by, spawn.code) == ("guarded", "svc:start", None)


def test_guard_up_the_path_covers_everything_below(tmp_path: Path) -> None:
    files = {
        "pkg/svc.py": SPAWNER,
        "pkg/stack.py": f"import os\nfrom pkg.svc import start\ndef boot():\n{GUARD}    start()\n",
        "app.py": "from pkg.stack import boot\nboot()\n",
    }
    spawn = only(audit(write_project(tmp_path, files)))
    assert spawn.classification == "guarded"
    assert spawn.guarded_by == "pkg.stack:boot"
    assert spawn.call_path == ("app:<module>", "pkg.stack:boot", "pkg.svc:start")


def test_guard_through_a_helper_in_another_module(tmp_path: Path) -> None:
    files = {
        "pkg/mode.py": "import os\ndef heartbeat_mode():\n    return os.getenv('THOR_SCHEDULER_MODE', 'heartbeat').lower() == 'heartbeat'\n",
        "pkg/svc.py": "import threading\nfrom pkg.mode import heartbeat_mode\ndef start():\n    if heartbeat_mode():\n        return\n    threading.Thread(target=print).start()\n",
        "app.py": "from pkg.svc import start\nstart()\n",
    }
    spawn = only(audit(write_project(tmp_path, files)))
    assert (spawn.classification, spawn.guarded_by) == ("guarded", "pkg.svc:start")


def test_broken_guards_do_not_count(tmp_path: Path) -> None:
    variants = {
        "case_sensitive": "    if os.environ.get('THOR_SCHEDULER_MODE', 'heartbeat') == 'heartbeat':\n        return\n",
        "no_default": "    if (os.environ.get('THOR_SCHEDULER_MODE') or '').lower() == 'heartbeat':\n        return\n",
        "other_variable": "    if os.environ.get('HEARTBEAT_ENABLED', '').lower() in ('1', 'true'):\n        return\n",
        "no_exit": "    if os.environ.get('THOR_SCHEDULER_MODE', 'heartbeat').lower() == 'heartbeat':\n        print('skip')\n",
    }
    body = "".join(
        f"def {name}():\n{guard}    threading.Thread(target=print).start()\n{name}()\n" for name, guard in variants.items()
    )
    result = audit(write_project(tmp_path, {"svc.py": "import os, threading\n" + body}))
    assert {s.function: s.classification for s in result.spawns} == {f"svc:{name}": "unguarded" for name in variants}


def test_guarded_start_up_path_and_unguarded_view_is_on_demand(tmp_path: Path) -> None:
    files = {
        "app/mon.py": "import threading\nclass Monitor:\n    def start(self):\n        threading.Thread(target=print).start()\nmonitor = Monitor()\n",
        "app/hooks.py": f"import os\nfrom app.mon import monitor\ndef start_services():\n{GUARD}    monitor.start()\nstart_services()\n",
        "app/views.py": "from app.mon import monitor\ndef restart(request):\n    monitor.start()\n",
        "app/urls.py": "from django.urls import path\nfrom app.views import restart\nurlpatterns = [path('r/', restart)]\n",
    }
    spawn = only(audit(write_project(tmp_path, files)))
    assert (spawn.classification, spawn.trigger, spawn.code) == ("on-demand", "app.views:restart", "TG011")


def test_audit_allow_covers_the_spawner_and_its_loop(tmp_path: Path) -> None:
    files = {
        "pkg/locks.py": """\
            import threading
            class Lease:
                def __init__(self):
                    self.stop = threading.Event()
                def _renew(self):
                    while not self.stop.wait(1):
                        pass
                def acquire(self):
                    threading.Thread(target=self._renew, daemon=True).start()
        """,
        "app.py": "from pkg.locks import Lease\nLease().acquire()\n",
    }
    result = audit(write_project(tmp_path, files, table='preset = "none"\naudit-allow = ["pkg.locks:Lease.acquire"]\n'))
    assert {(s.kind, s.classification) for s in result.spawns} == {("thread", "allowed"), ("loop", "allowed")}
    assert by_function(result, "thread")["pkg.locks:Lease.acquire"].call_path == ("app:<module>", "pkg.locks:Lease.acquire")


def test_only_functions_that_could_hold_a_guard_are_verified(tmp_path: Path) -> None:
    files = {
        "pkg/svc.py": SPAWNER,
        "pkg/mid.py": "from pkg.svc import start\ndef middle():\n    start()\n",
        "pkg/top.py": f"import os\nfrom pkg.mid import middle\ndef top():\n{GUARD}    middle()\n",
        "app.py": "from pkg.top import top\ntop()\n",
    }
    result = audit(write_project(tmp_path, files))
    assert only(result).classification == "guarded"
    assert result.stats.verified_functions == 1  # only pkg.top:top mentions THOR_SCHEDULER_MODE


def test_audit_verdicts_equal_the_verifiers_on_the_whole_module() -> None:
    """audit's verify() asks the verifier about each function of the example with the module as it is on disk: the
    same answer as is_guarded on the whole module (a slice of the module once dropped the class's other methods and
    the project classes they name, and ListFeed.quotes, iterating instance state that may hold Quote objects,
    came out guarded)."""
    from libcst.metadata import MetadataWrapper

    from tests.audit.test_example import EXAMPLE
    from thor_guard.audit.guards import VerifyRequest, verify
    from thor_guard.config import load_config
    from thor_guard.verifier import VerifierContext, is_guarded, iter_functions, parse_source

    config = load_config([EXAMPLE])
    requests, expected, sources = [], {}, {}
    for path in sorted((EXAMPLE / "ThorTrading").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        module = ".".join(path.relative_to(EXAMPLE).with_suffix("").parts).removesuffix(".__init__")
        data = sources[path] = path.read_bytes()
        full = MetadataWrapper(parse_source(data), unsafe_skip_copy=True)
        context = VerifierContext.from_config(config, module=module, path=path, source=data)
        verdicts = {q: is_guarded(full, f, context) for q, f in iter_functions(full.module) if "<locals>" not in q}
        if verdicts:
            expected.update({(module, q): v for q, v in verdicts.items()})
            requests.append(VerifyRequest(module, path, frozenset(verdicts)))
    outcome = verify(config, requests, sources, jobs=1)
    assert outcome.errors == {}
    assert outcome.guarded == expected
    assert expected[("ThorTrading.jobs.feed", "ListFeed.quotes")] is False
    assert sum(expected.values()) >= 3 and len(expected) > 40


def test_a_function_the_audit_asks_about_sees_the_classes_it_does_not_name(tmp_path: Path) -> None:
    """Instance state holding a project object with an effectful dunder (stored in another method): not guarded,
    although the function itself names neither the class nor the method that stores it."""
    files = {
        "svc.py": (
            "import os, threading\n"
            "class Noisy:\n"
            "    def __iter__(self):\n"
            "        threading.Thread(target=print).start()\n"
            "        return iter(())\n"
            "class Feed:\n"
            "    def __init__(self, items: Noisy):\n"
            "        self.items = items\n"
            "    def start(self):\n"
            "        names = [x for x in self.items]\n"
            + textwrap.indent(GUARD, "    ")
            + "        threading.Thread(target=print, args=names).start()\n"
            + "Feed(Noisy()).start()\n"
        )
    }
    spawns = by_function(audit(write_project(tmp_path, files)))
    assert spawns["svc:Feed.start"].classification == "unguarded"


def test_parallel_verification_gives_the_same_verdicts(tmp_path: Path) -> None:
    files = {
        f"pkg/svc{i}.py": f"import os, threading\ndef start():\n{GUARD if i % 2 else ''}    threading.Thread(target=print).start()\nstart()\n"
        for i in range(12)
    }
    root = write_project(tmp_path, files)
    serial, parallel = audit(root, jobs=1), audit(root, jobs=2)
    assert serial.stats.verified_files == parallel.stats.verified_files == 6  # PARALLEL_MIN_REQUESTS: the pool is used
    summary = sorted((s.function, s.classification, s.guarded_by) for s in serial.spawns)
    assert summary == sorted((s.function, s.classification, s.guarded_by) for s in parallel.spawns)
    assert {f: c for f, c, _ in summary} == {f"pkg.svc{i}:start": "guarded" if i % 2 else "unguarded" for i in range(12)}


def test_a_subclass_assignment_overrides_the_guarded_method(tmp_path: Path) -> None:
    """``start = Base.spawn`` in a subclass body is what ``Feed().start()`` calls, not the guarded ``Base.start``
    (hostile review 11): the spawn is unguarded."""
    files = {
        "svc.py": (
            "import os, threading\n"
            "class Base:\n"
            "    def start(self):\n"
            + textwrap.indent(GUARD, "    ")
            + "        self.spawn()\n"
            "    def spawn(self):\n"
            "        threading.Thread(target=print).start()\n"
            "class Feed(Base):\n"
            "    start = Base.spawn\n"
            "Feed().start()\n"
        )
    }
    spawn = only(audit(write_project(tmp_path, files)))
    assert spawn.classification == "unguarded"
    assert spawn.call_path[-1] == "svc:Base.spawn"


def test_an_inherited_guarded_method_stays_guarded(tmp_path: Path) -> None:
    """The control: a subclass that does not override start inherits the guarded Base.start."""
    files = {
        "svc.py": (
            "import os, threading\n"
            "class Base:\n"
            "    def start(self):\n"
            + textwrap.indent(GUARD, "    ")
            + "        threading.Thread(target=print).start()\n"
            "class Feed(Base):\n"
            "    label = 'feed'\n"
            "Feed().start()\n"
        )
    }
    spawn = only(audit(write_project(tmp_path, files)))
    assert (spawn.classification, spawn.guarded_by) == ("guarded", "svc:Base.start")
