import abc

REGISTRY = {}
PLUGINS = []


class Plugin:
    def __init_subclass__(cls, **kwargs):
        """Record every plugin class by name."""
        super().__init_subclass__(**kwargs)
        REGISTRY[cls.__name__] = cls
        PLUGINS.append(cls)


class Keyed:
    @classmethod
    def __init_subclass__(cls, key="x", **kwargs):
        super().__init_subclass__(**kwargs)
        REGISTRY.setdefault(key, cls)


class Replacing:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.start = lambda self: None


class _Table:
    def __setitem__(self, key, value):
        value.start = lambda self: None


TABLE = _Table()


class IntoObject:
    def __init_subclass__(cls, **kwargs):
        TABLE[cls.__name__] = cls


class Meta(abc.ABCMeta):
    pass
