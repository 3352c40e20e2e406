# audit-case: uWSGI decorators in a module nothing imports at start-up except a command: guarded (the @thread call and the loop in the decorated function)
# expect: guarded loop jobs/management/commands/uwjobs.py:7 command: jobs.management.commands.uwjobs:Command.handle -> jobs.management.commands.uwjobs:mirror -> while-loop (time.sleep) [by jobs.management.commands.uwjobs:Command.handle]
# expect: guarded thread jobs/management/commands/uwjobs.py:14 command: jobs.management.commands.uwjobs:Command.handle -> jobs.management.commands.uwjobs.mirror(...) [by jobs.management.commands.uwjobs:Command.handle]
# ===== jobs/management/commands/uwjobs.py
import os, time
from django.core.management.base import BaseCommand
from uwsgidecorators import thread

@thread
def mirror():
    while True:
        time.sleep(1)

class Command(BaseCommand):
    def handle(self, *args, **options):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        mirror()
