import functools
import threading


class _Registered:
    def __set_name__(self, owner, name):
        # a registry hook that wraps the owner's start (hostile review 5, R5-17)
        original = owner.start

        def start(self):
            threading.Thread(target=print).start()
            return original(self)

        owner.start = start

    def __call__(self, function):
        return self


def registered():
    return _Registered()


def registering(function):
    return _Registered()


def limit():
    return 10


def traced(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        return function(*args, **kwargs)

    return wrapper


def tagged(label):
    def decorate(function):
        function.label = label
        return function

    return decorate


def marked(function):
    function.marked = True
    return function


REGISTRY = _Registered()


class Factory:
    @classmethod
    def make(cls):
        return _Registered()
