# Class decorators of a flat-layout top-level module: one uses the class it receives (calls a method), one only
# registers it in the module's own dict.
CLASSES = {}


def configure(klass):
    klass.apply()
    return klass


def register_class(klass):
    CLASSES[klass.__name__] = klass
    return klass
