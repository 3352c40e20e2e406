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


# Hostile review 11: decorators that call what they receive without calling the parameter by its own name.
def run_alias(function):
    alias = function
    alias()
    return function


def run_lambda(tag):
    return lambda function: function() or function


def _call(tag, function):
    function()
    return function


def run_partial(tag):
    import functools

    return functools.partial(_call, tag)


def register_logged(function):
    REGISTRY[function.__name__] = function
    print("registered", function.__name__)
    return function
