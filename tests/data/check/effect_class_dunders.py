# Dunder-dispatching operations on a project CLASS object run project code (hostile VH-2): `C[x]` calls
# C.__class_getitem__ (defined in the class or inherited from a project base, also under an `if` in the body), and
# truth, iteration, `in`, `==`, `len()` and subscripts call the metaclass's dunders. Each starts a thread when run.
# A class without such hooks (plain `type` metaclass) stays inert: reading it, its attributes and identity are pure.
# expect: start_class_getitem TG002 Registry["feed"]
# expect: start_class_getitem_inherited TG002 SubRegistry["feed"]
# expect: start_class_getitem_conditional TG002 Maybe["feed"]
# expect: start_class_getitem_slice TG002 Registry[1:2]
# expect: start_class_getitem_annotation TG002 Registry["feed"]
# expect: start_metaclass_getitem TG002 Metered["feed"]
# expect: start_metaclass_bool TG002 Metered
# expect: start_metaclass_iter TG002 Metered
# expect: start_metaclass_contains TG002 "feed" in Metered
# expect: start_metaclass_len TG002 len(Metered)
# expect: start_metaclass_in_container TG002 "feed" in [Metered]
# expect: start_local_class_getitem TG002 Local["feed"]
# expect: start_plain_class ok
# expect: start_plain_class_attribute ok
import os
import threading


def _effect():
    threading.Thread(target=print).start()


class Registry:
    def __class_getitem__(cls, item):
        _effect()
        return cls


class SubRegistry(Registry):
    pass


FLAG = True


class Maybe:
    if FLAG:
        def __class_getitem__(cls, item):
            _effect()
            return cls


class Meta(type):
    def __getitem__(cls, item):
        _effect()
        return cls

    def __bool__(cls):
        _effect()
        return True

    def __iter__(cls):
        _effect()
        return iter(())

    def __contains__(cls, item):
        _effect()
        return False

    def __len__(cls):
        _effect()
        return 0

    def __eq__(cls, other):
        _effect()
        return False

    __hash__ = type.__hash__


class Metered(metaclass=Meta):
    pass


class Plain:
    LIMIT = 3


def start_class_getitem():
    kind = Registry["feed"]
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(kind,)).start()


def start_class_getitem_inherited():
    kind = SubRegistry["feed"]
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(kind,)).start()


def start_class_getitem_conditional():
    kind = Maybe["feed"]
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(kind,)).start()


def start_class_getitem_slice():
    kind = Registry[1:2]
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(kind,)).start()


def start_class_getitem_annotation():
    class Options:
        feeds: Registry["feed"] = ()

    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(Options,)).start()


def start_metaclass_getitem():
    kind = Metered["feed"]
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(kind,)).start()


def start_metaclass_bool():
    if not Metered:
        return
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_metaclass_iter():
    names = [n for n in Metered]
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(names,)).start()


def start_metaclass_contains():
    known = "feed" in Metered
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(known,)).start()


def start_metaclass_len():
    size = len(Metered)
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(size,)).start()


def start_plain_class():
    kind = Plain
    same = kind is Plain
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(same,)).start()


def start_plain_class_attribute():
    limit = Plain.LIMIT
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(limit,)).start()


def start_metaclass_in_container():
    known = "feed" in [Metered]
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(known,)).start()


def start_local_class_getitem():
    class Local:
        def __class_getitem__(cls, item):
            _effect()
            return cls

    kind = Local["feed"]
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(kind,)).start()
