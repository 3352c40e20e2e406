# audit-case: call_command("start_feeds") in ready() reaches that command's handle(), so its thread is a start-up spawn
# expect: TG010 thread feeds/management/commands/start_feeds.py:6 app-ready: feeds.apps:FeedsConfig.ready -> feeds.management.commands.start_feeds:Command.handle -> threading.Thread(...)
# ===== feeds/apps.py
from django.apps import AppConfig
from django.core.management import call_command

class FeedsConfig(AppConfig):
    def ready(self):
        call_command("start_feeds", verbosity=0)
# ===== feeds/management/commands/start_feeds.py
import threading
from django.core.management.base import BaseCommand

class Command(BaseCommand):
    def handle(self, *args, **options):
        threading.Thread(target=print, daemon=True).start()
