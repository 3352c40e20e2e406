# audit-case: @uwsgidecorators.thread runs the function in a new thread at each call; @timer/@cron/@spool register background work at import; uwsgi.register_signal hands over a handler
# expect: TG010 cron jobs/uw.py:15 import: jobs.uw:<module> -> uwsgidecorators.cron(...)
# expect: TG010 loop jobs/uw.py:8 import: jobs.uw:<module> -> jobs.uw:start -> jobs.uw:mirror -> while-loop (time.sleep)
# expect: TG010 signal-handler jobs/uw.py:26 import: jobs.uw:<module> -> uwsgi.register_signal(...)
# expect: TG010 spooler jobs/uw.py:19 import: jobs.uw:<module> -> uwsgidecorators.spool(...)
# expect: TG010 thread jobs/uw.py:29 import: jobs.uw:<module> -> jobs.uw:start -> jobs.uw.mirror(...)
# expect: TG010 timer jobs/uw.py:11 import: jobs.uw:<module> -> uwsgidecorators.timer(...)
# ===== jobs/uw.py
import time
import uwsgi
import uwsgidecorators
from uwsgidecorators import cron, spool, timer

@uwsgidecorators.thread
def mirror():
    while True:
        time.sleep(1)

@timer(30)
def every_30s(signum):
    pass

@cron(0, -1, -1, -1, -1)
def hourly(signum):
    pass

@spool
def send_report(arguments):
    pass

def on_signal(signum):
    pass

uwsgi.register_signal(17, "worker", on_signal)

def start():
    mirror()

start()
