# A name the builtins module lacks: a new global for every module, no built-in replaced.
import builtins


def _(message):
    return message


builtins._ = _
