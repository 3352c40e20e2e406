# audit-case: Process and Pool subclasses constructed at start-up are spawns; the Process subclass's own run() loop too
# expect: TG010 loop workers/procs.py:6 import: workers.boot:<module> -> workers.procs:Crawler.run -> while-loop (time.sleep)
# expect: TG010 process workers/boot.py:3 import: workers.boot:<module> -> workers.procs.Crawler(...)
# expect: TG010 process workers/boot.py:5 import: workers.boot:<module> -> workers.procs.BigPool(...)
# ===== workers/procs.py
import multiprocessing, time
from multiprocessing.pool import Pool

class Crawler(multiprocessing.Process):
    def run(self):
        while True:
            time.sleep(60)

class BigPool(Pool):
    pass
# ===== workers/boot.py
from workers.procs import BigPool, Crawler

crawler = Crawler(daemon=True)
crawler.start()
pool = BigPool(4)
