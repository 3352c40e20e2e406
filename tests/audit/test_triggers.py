"""Each trigger kind: start-up triggers give TG010, on-demand ones (commands, views) TG011."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.audit.project import audit, only, write_project

SPAWNER = "import threading\ndef start():\n    threading.Thread(target=print).start()\n"

CASES: dict[str, tuple[dict[str, str], str, str, tuple[str, ...]]] = {
    "app-ready": (
        {
            "app/apps.py": "from django.apps import AppConfig\nfrom app.svc import start\nclass Cfg(AppConfig):\n    def ready(self):\n        start()\n",
        },
        "app-ready",
        "unguarded",
        ("app.apps:Cfg.ready", "app.svc:start"),
    ),
    "app-ready-through-project-base": (
        {
            "app/base.py": "from django.apps import AppConfig\nclass BaseConfig(AppConfig):\n    pass\n",
            "app/apps.py": "from app.base import BaseConfig\nfrom app.svc import start\nclass Cfg(BaseConfig):\n    def ready(self):\n        start()\n",
        },
        "app-ready",
        "unguarded",
        ("app.apps:Cfg.ready", "app.svc:start"),
    ),
    "receiver-decorator": (
        {
            "app/signals.py": """\
                from django.core.signals import request_started
                from django.dispatch import receiver
                from app import svc
                @receiver(request_started)
                def on_request(sender, **kwargs):
                    svc.start()
            """,
        },
        "signal",
        "unguarded",
        ("app.signals:on_request", "app.svc:start"),
    ),
    "signal-connect": (
        {
            "app/hooks.py": "from app.svc import start\ndef on_migrate(sender, **kwargs):\n    start()\n",
            "app/wiring.py": "from django.db.models.signals import post_migrate\nfrom app.hooks import on_migrate\npost_migrate.connect(on_migrate)\n",
        },
        "signal",
        "unguarded",
        ("app.hooks:on_migrate", "app.svc:start"),
    ),
    "import-time": (
        {"app/boot.py": "from app.svc import start\nstart()\n"},
        "import",
        "unguarded",
        ("app.boot:<module>", "app.svc:start"),
    ),
    "class-body-at-import": (
        {"app/boot.py": "from app.svc import start\nclass Holder:\n    handle = start()\n"},
        "import",
        "unguarded",
        ("app.boot:<module>", "app.svc:start"),
    ),
    "management-command": (
        {
            "app/management/commands/warm.py": """\
                from django.core.management.base import BaseCommand
                from app.svc import start
                class Command(BaseCommand):
                    def handle(self, *args, **options):
                        start()
            """,
        },
        "command",
        "on-demand",
        ("app.management.commands.warm:Command.handle", "app.svc:start"),
    ),
    "function-view": (
        {
            "app/views.py": "from app.svc import start\ndef kick(request):\n    start()\n",
            "app/urls.py": "from django.urls import path\nfrom app import views\nurlpatterns = [path('kick/', views.kick)]\n",
        },
        "view",
        "on-demand",
        ("app.views:kick", "app.svc:start"),
    ),
    "class-based-view": (
        {
            "app/views.py": "from django.views import View\nfrom app.svc import start\nclass Kick(View):\n    def post(self, request):\n        start()\n",
            "app/urls.py": "from django.urls import re_path\nfrom app.views import Kick\nurlpatterns = [re_path(r'^kick/$', Kick.as_view())]\n",
        },
        "view",
        "on-demand",
        ("app.views:Kick.post", "app.svc:start"),
    ),
    "script-main-block": (
        {"app/tool.py": "from app.svc import start\nimport sys\nif __name__ == '__main__':\n    start()\n"},
        "script",
        "on-demand",
        ("app.tool:<main>", "app.svc:start"),
    ),
    "gunicorn-hook": (
        {"gunicorn.conf.py": "from app.svc import start\nworkers = 2\ndef post_fork(server, worker):\n    start()\n"},
        "gunicorn",
        "unguarded",
        ("gunicorn.conf:post_fork", "app.svc:start"),
    ),
    "asgi-startup-event": (
        {
            "app/asgi.py": """\
                from fastapi import FastAPI
                from app.svc import start
                app = FastAPI()
                @app.on_event("startup")
                async def boot():
                    start()
            """,
        },
        "asgi",
        "unguarded",
        ("app.asgi:boot", "app.svc:start"),
    ),
    "asgi-lifespan": (
        {
            "app/asgi.py": """\
                from starlette.applications import Starlette
                from app.svc import start
                async def lifespan(app):
                    start()
                    yield
                application = Starlette(lifespan=lifespan)
            """,
        },
        "asgi",
        "unguarded",
        ("app.asgi:lifespan", "app.svc:start"),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_trigger_kind(tmp_path: Path, case: str) -> None:
    files, kind, classification, path = CASES[case]
    result = audit(write_project(tmp_path, {"app/svc.py": SPAWNER, **files}))
    spawn = only(result)
    assert (spawn.trigger_kind, spawn.classification, spawn.call_path) == (kind, classification, path)
    assert spawn.trigger == path[0]
    assert spawn.code == {"unguarded": "TG010", "on-demand": "TG011"}[classification]


def test_startup_wins_over_on_demand(tmp_path: Path) -> None:
    files = {
        "app/svc.py": SPAWNER,
        "app/views.py": "from app.svc import start\ndef kick(request):\n    start()\n",
        "app/urls.py": "from django.urls import path\nfrom app import views\nurlpatterns = [path('kick/', views.kick)]\n",
        "app/boot.py": "from app.svc import start\nstart()\n",
    }
    spawn = only(audit(write_project(tmp_path, files)))
    assert (spawn.classification, spawn.trigger_kind) == ("unguarded", "import")


def test_no_trigger_means_unreachable(tmp_path: Path) -> None:
    spawn = only(audit(write_project(tmp_path, {"app/svc.py": SPAWNER})))
    assert (spawn.classification, spawn.call_path, spawn.code) == ("unreachable", (), None)
