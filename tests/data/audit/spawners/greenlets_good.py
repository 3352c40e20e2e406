# audit-case: a greenlet spawned only by a management command is on demand (TG011), never an unguarded start-up spawn
# expect: TG011 greenlet live/management/commands/pump.py:6 command: live.management.commands.pump:Command.handle -> gevent.spawn(...)
# ===== live/management/commands/pump.py
import gevent
from django.core.management.base import BaseCommand

class Command(BaseCommand):
    def handle(self, *args, **options):
        gevent.spawn(print).join()
