# audit-case: call_command of a guarded command is guarded; a command nobody calls stays on demand (TG011)
# expect: TG011 thread feeds/management/commands/backfill.py:6 command: feeds.management.commands.backfill:Command.handle -> threading.Thread(...)
# expect: guarded thread feeds/management/commands/start_feeds.py:8 command: feeds.management.commands.start_feeds:Command.handle -> threading.Thread(...) [by feeds.management.commands.start_feeds:Command.handle]
# ===== feeds/apps.py
from django.apps import AppConfig
from django.core import management

class FeedsConfig(AppConfig):
    def ready(self):
        management.call_command("start_feeds")
# ===== feeds/management/commands/start_feeds.py
import os, threading
from django.core.management.base import BaseCommand

class Command(BaseCommand):
    def handle(self, *args, **options):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, daemon=True).start()
# ===== feeds/management/commands/backfill.py
import threading
from django.core.management.base import BaseCommand

class Command(BaseCommand):
    def handle(self, *args, **options):
        threading.Thread(target=print).start()
