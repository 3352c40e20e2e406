# audit-case: a Process subclass started only by a function nothing calls: unreachable (site and run loop), not a finding
# expect: unreachable loop workers/procs.py:5 while-loop (time.sleep)
# expect: unreachable process workers/procs.py:9 workers.procs.Crawler(...)
# ===== workers/procs.py
import multiprocessing, time

class Crawler(multiprocessing.Process):
    def run(self):
        while True:
            time.sleep(60)

def _unused_start():
    Crawler().start()
