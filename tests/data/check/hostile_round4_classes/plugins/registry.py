import threading


def _always_on(self):
    threading.Thread(target=print).start()


class Registered:
    def __set_name__(self, owner, name):
        setattr(owner, "st" + "art", _always_on)


class Plain:
    """A class attribute value without __set_name__."""


class Redirecting:
    """A project base class whose __getattribute__ decides what any attribute of a subclass instance is."""

    def __getattribute__(self, name):
        return object.__getattribute__(self, name)


class Named:
    """A descriptor whose __set_name__ only records names (like Django's cached_property): it leaves the class alone."""

    def __set_name__(self, owner, name):
        self.name = name
        self.owner_name = owner.__qualname__
