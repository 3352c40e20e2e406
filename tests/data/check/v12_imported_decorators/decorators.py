# A top-level module of a flat layout (no package): one decorator runs what it decorates, one only registers it.
REGISTRY = {}


def run_now(function):
    function()
    return function


def register(function):
    REGISTRY[function.__name__] = function
    return function


def run_with(label):
    def apply(function):
        function()
        return function

    return apply
