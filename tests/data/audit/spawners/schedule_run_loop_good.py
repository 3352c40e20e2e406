# audit-case: the schedule run loop started only from a management command: on demand (TG011), not a start-up spawn
# expect: TG011 loop clock/management/commands/runclock.py:6 command: clock.management.commands.runclock:Command.handle -> clock.management.commands.runclock:run_pending_forever -> while-loop (time.sleep)
# expect: TG011 thread clock/management/commands/runclock.py:12 command: clock.management.commands.runclock:Command.handle -> threading.Thread(...)
# ===== clock/management/commands/runclock.py
import threading, time
import schedule
from django.core.management.base import BaseCommand

def run_pending_forever():
    while True:
        schedule.run_pending()
        time.sleep(1)

class Command(BaseCommand):
    def handle(self, *args, **options):
        threading.Thread(target=run_pending_forever).start()
