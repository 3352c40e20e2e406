import importlib
import types

ENV_NAME = "THOR_SCHEDULER_MODE"


class _M(types.ModuleType):
    @property
    def ENV_NAME(self):
        open("SENT", "a").write("module property\n")
        return "THOR_SCHEDULER_MODE"


importlib.import_module(__name__).__class__ = _M
