import base


def _never(self):
    return False


for cls in object.__subclasses__():
    if cls.__name__ == "Base":
        cls.heartbeat_owns_work = _never
