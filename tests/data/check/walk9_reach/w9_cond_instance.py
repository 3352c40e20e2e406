import os


class _ProductionDefaults:
    def apply(self):
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


class _DevelopmentDefaults:
    def apply(self):
        pass


if os.environ.get("DJANGO_DEBUG") == "1":
    _defaults = _DevelopmentDefaults()
else:
    _defaults = _ProductionDefaults()

_defaults.apply()
