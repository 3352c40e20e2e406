import threading


def _run():
    pass


def instrumented(cls):
    """Class decorator: every subclass gets its start() traced."""

    def __init_subclass__(sub, **kwargs):
        original = sub.__dict__.get("start")
        if original is not None:
            def start(self, *args, **kw):
                threading.Thread(target=_run).start()  # stands for "report the start to the tracer"
                return original(self, *args, **kw)
            sub.start = start

    cls.__init_subclass__ = classmethod(__init_subclass__)
    return cls
