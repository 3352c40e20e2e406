"""Import every module of the given (dotted) packages from a corpus copy and print ``{module: outcome}`` as JSON.

Run by the corpus test in a subprocess (``python tests/apply/import_all.py ROOT PACKAGE...``) with
``THOR_SCHEDULER_MODE`` set by the caller, once on the original copy and once per mode on the rewritten
one. Django is configured with a minimal settings module first so that its apps can be imported.
An outcome is ``ok`` or the exception's type name; modules are imported in sorted order, so two runs on
trees that differ only by apply's guards meet the same order.
"""

from __future__ import annotations

import importlib
import io
import json
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path


def modules_under(root: Path, package: str) -> list[str]:
    found = []
    for path in sorted(root.joinpath(*package.split(".")).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if all(part.isidentifier() for part in parts):
            found.append(".".join(parts))
    return found


def main(argv: list[str]) -> int:
    root = Path(argv[0]).resolve()
    packages = argv[1:]
    sys.path.insert(0, str(root))
    if any(p.split(".")[0] == "django" for p in packages):
        import django
        from django.conf import settings

        assert Path(django.__file__).resolve().is_relative_to(root), "the corpus copy is imported, not the installed package"
        settings.configure(
            INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "django.contrib.sessions",
                            "django.contrib.messages", "django.contrib.admin", "django.contrib.staticfiles"],
            DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        )
        django.setup()
    outcomes: dict[str, str] = {}
    sink = io.StringIO()
    for package in packages:
        for module in modules_under(root, package):
            try:
                with redirect_stdout(sink), redirect_stderr(sink):
                    importlib.import_module(module)
                outcomes[module] = "ok"
            except BaseException as exc:  # noqa: BLE001 - SystemExit and the like are outcomes too
                outcomes[module] = type(exc).__name__
    print(json.dumps(outcomes, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
