"""The eight heartbeat jobs of the example backend, one module each, every one a plain ``run(ctx)``.

They replace the legacy supervisors' threads: the heartbeat calls them in
order on one thread. They start no threads or timers of their own. Quotes
come from a deterministic synthetic feed (:mod:`ThorTrading.jobs.feed`);
everything they produce is stored through the Django ORM in SQLite.
"""
