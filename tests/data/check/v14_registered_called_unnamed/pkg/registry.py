# A registration decorator: it stores the function and returns it, calling nothing.
HOOKS = []


def hook(function):
    HOOKS.append(function)
    return function


def fire_all():
    for function in HOOKS:
        function()
