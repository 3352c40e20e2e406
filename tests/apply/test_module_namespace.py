"""Names apply adds to a module never change what other modules get from it.

A star-imported module without ``__all__`` gets only private new names, so importers keep their own;
a package ``__init__`` never binds the name of one of its submodules. Found by a hostile review: ``pkg/__init__.py`` defined its own ``logger`` and then did
``from pkg.service import *``; once apply had added ``logger``/``os``/``logging`` to
``pkg/service.py``, the package's ``logger`` was the submodule's, in legacy mode too.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from codemods.star_exports import star_importers
from tests.apply.project import snapshot

PACKAGE_INIT = """\
import logging

logger = logging.getLogger("pkg.public")

from pkg.service import *
from .helpers import *


def report():
    logger.warning("report from package")
"""
SERVICE = """\
import threading


def start():
    print("EFFECT start")
    threading.Thread(target=lambda: None).start()
"""
DRIVER = """\
import logging, sys
logging.basicConfig(stream=sys.stdout, format="%(name)s: %(message)s")
import pkg
pkg.report()
pkg.start()
print(sorted(name for name in ("os", "logger", "_logger", "_os") if name in vars(pkg)))
"""


def _project(root: Path, *, all_names: bool = False) -> Path:
    (root / "pkg").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.thor-guard]\npreset = "none"\nentry-points = ["pkg.service:start", "pkg.helpers:run"]\n')
    (root / "pkg" / "__init__.py").write_text(PACKAGE_INIT)
    (root / "pkg" / "service.py").write_text(('__all__ = ["start"]\n' if all_names else "") + SERVICE)
    (root / "pkg" / "helpers.py").write_text("import os\n\n\ndef run():\n    os.getpid()\n")
    (root / "driver.py").write_text(DRIVER)
    return root


def _legacy_run(root: Path) -> str:
    env = {**os.environ, "THOR_SCHEDULER_MODE": "legacy"}
    done = subprocess.run([sys.executable, "driver.py"], cwd=root, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def _apply(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "thor_guard", "apply", "-j", "1"], cwd=root, capture_output=True, text=True, check=False)


def test_the_index_resolves_absolute_and_relative_star_imports(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "pkg" / "sub").mkdir()
    (root / "pkg" / "sub" / "__init__.py").write_text("from .. import helpers\nfrom ..service import *\n")
    assert star_importers("pkg.service", [root]) == ("pkg", "pkg.sub")
    assert star_importers("pkg.helpers", [root]) == ("pkg",)
    assert star_importers("pkg", [root]) == ()


def test_legacy_behaviour_of_the_importer_is_unchanged_and_new_names_are_private(tmp_path: Path) -> None:
    root = _project(tmp_path / "p")
    before = _legacy_run(root)
    assert before.splitlines()[0] == "pkg.public: report from package"
    done = _apply(root)
    assert done.returncode == 0, done.stderr
    service = (root / "pkg" / "service.py").read_text()
    assert service.startswith("import logging as _logging\nimport os as _os\nimport threading\n\n\ndef start():\n")
    assert "_logging.getLogger(__name__).debug(" in service and "_logger" not in service  # no module logger (AR2-7)
    # helpers.py already binds os: reused; only the logging import is new, and private
    assert (root / "pkg" / "helpers.py").read_text().startswith("import logging as _logging\nimport os\n\n")
    assert _legacy_run(root) == before
    check = subprocess.run([sys.executable, "-m", "thor_guard", "check"], cwd=root, capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_module_with_all_keeps_the_usual_names(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", all_names=True)
    done = _apply(root)
    assert done.returncode == 0, done.stderr
    service = (root / "pkg" / "service.py").read_text()
    assert service.startswith("import logging\nimport os\n") and "logging.getLogger(__name__).debug(" in service


def test_both_runners_write_the_same_private_names(tmp_path: Path) -> None:
    ours, theirs = _project(tmp_path / "ours"), _project(tmp_path / "theirs")
    assert _apply(ours).returncode == 0
    libcst = subprocess.run(
        [sys.executable, "-m", "libcst.tool", "codemod", "--no-format", "-x",
         "codemods.scheduler_guard.SchedulerGuardCommand", "-j", "1", "--hide-progress", "pkg"],
        cwd=theirs, capture_output=True, text=True, check=False,
    )
    assert libcst.returncode == 0, libcst.stderr
    assert snapshot(ours) == snapshot(theirs)


def test_a_package_init_never_binds_the_name_of_its_own_submodule(tmp_path: Path) -> None:
    """``app/logging.py`` and ``app/logger.py`` exist: binding ``logging``/``logger`` in ``app/__init__.py``
    would make ``from app import logging`` return the stdlib module, and ``app.main`` would fail to import."""
    root = tmp_path / "p"
    (root / "app" / "os").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.thor-guard]\npreset = "none"\nentry-points = ["app:start_scheduler"]\n')
    (root / "app" / "__init__.py").write_text("import threading\n\n\ndef start_scheduler():\n    threading.Thread(target=lambda: None).start()\n")
    (root / "app" / "logging.py").write_text('def configure():\n    print("app logging configured")\n')
    (root / "app" / "logger.py").write_text('def get(name):\n    return f"<logger {name}>"\n')
    (root / "app" / "os" / "__init__.py").write_text("")
    (root / "app" / "main.py").write_text(
        "from app import logging as app_logging\nfrom app import logger as app_logger\nfrom app import os as app_os\n"
        "app_logging.configure()\nprint(app_logger.get('main'), app_os.__name__)\n"
    )
    (root / "driver.py").write_text("import app.main\nimport app\nprint('ret', app.start_scheduler())\n")
    before = _legacy_run(root)
    done = _apply(root)
    assert done.returncode == 0, done.stderr
    init = (root / "app" / "__init__.py").read_text()
    assert init.startswith("import logging as _logging\nimport os as _os\nimport threading\n"), init
    assert "_logging.getLogger(__name__).debug(" in init, init
    assert _legacy_run(root) == before == "app logging configured\n<logger main> app.os\nret None\n"
    heartbeat = subprocess.run([sys.executable, "driver.py"], cwd=root, env={**os.environ, "THOR_SCHEDULER_MODE": "heartbeat"},
                               capture_output=True, text=True, check=True)
    assert heartbeat.stdout == "app logging configured\n<logger main> app.os\nret None\n"


COMPUTED_ALL = {
    "comprehension": '__all__ = [name for name in dir() if not name.startswith("_")]\n',
    "conditional": 'import sys\n\nif sys.version_info >= (3,):\n    __all__ = [name for name in dir() if not name.startswith("_")]\n',
    "call": "__all__ = list(filter(lambda n: not n.startswith('_'), dir()))\n",
}


def test_a_computed_all_is_not_trusted_as_a_fixed_export_list(tmp_path: Path) -> None:
    """Review AR4-8: an ``__all__`` computed from ``dir()`` exports the added names; apply must keep them private."""
    for name, tail in COMPUTED_ALL.items():
        root = tmp_path / name
        (root / "pkg").mkdir(parents=True)
        (root / "pyproject.toml").write_text('[tool.thor-guard]\npreset = "none"\nentry-points = ["pkg.workers:start"]\n')
        (root / "pkg" / "__init__.py").write_text("")
        (root / "pkg" / "audit.py").write_text("class _Audit:\n    def event(self, text):\n        print('AUDIT', text)\n\n\nlogging = _Audit()\n")
        (root / "pkg" / "workers.py").write_text(SERVICE + tail)
        (root / "pkg" / "jobs.py").write_text("from pkg.audit import logging\nfrom pkg.workers import *\n\n\ndef run():\n    logging.event('jobs run')\n    start()\n")
        (root / "driver.py").write_text("import pkg.jobs\npkg.jobs.run()\n")
        before = _legacy_run(root)
        done = _apply(root)
        assert done.returncode == 0, done.stderr
        assert (root / "pkg" / "workers.py").read_text() != SERVICE + tail
        assert _legacy_run(root) == before, name
