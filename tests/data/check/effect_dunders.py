# Operations that call dunder methods run project code on a value whose type is not known to be built-in
# (hostile PB6..PB29, GX2, LH): `_OBJ = _O()` is the result of a call, so its __str__/__len__/__eq__… may do
# anything. The same operations on known built-in values, on instance state (the stated assumption) and a plain
# attribute load of the object stay accepted.
# expect: start_str TG002 str(_OBJ)
# expect: start_len TG002 len(_OBJ)
# expect: start_bool TG002 bool(_OBJ)
# expect: start_hash TG002 hash(_OBJ)
# expect: start_sorted TG002 sorted([_OBJ, _OBJ])
# expect: start_percent TG002 "%s" % (_OBJ,)
# expect: start_str_format TG002 "{}".format(_OBJ)
# expect: start_fstring TG002 _OBJ
# expect: start_getattr TG002 getattr(_OBJ, "x", 1)
# expect: start_hasattr TG002 hasattr(_OBJ, "y")
# expect: start_compare TG002 _OBJ == 1
# expect: start_contains TG002 1 in _OBJ
# expect: start_add TG002 _OBJ + 1
# expect: start_subscript TG002 _OBJ[0]
# expect: start_iterate TG002 _OBJ
# expect: start_truth_in_condition TG002 _OBJ
# expect: start_dict_key TG002 _OBJ
# expect: start_set_element TG002 _OBJ
# expect: start_log_argument TG002 logger.warning("%s", _OBJ)
# expect: start_method TG002 _OBJ.keys()
# expect: start_joined_untrusted TG002 bool(value)
# expect: start_metaclass_property TG002 C.x
# expect: start_metaclass_inherited TG002 D.x
# expect: start_generator_lazy_if TG002 _evil(x)
# expect: start_lru_cache_key TG001 is_hb(_OBJ)
# expect: start_joined_loop_untrusted TG002 bool(value)
# expect: start_loop_known ok
# expect: start_plain_attribute_load ok
# expect: start_identity ok
# expect: start_return_object ok
# expect: start_known_values ok
# expect: start_plain_class_attribute ok
# expect: start_lru_cache_literal TG009 cached helper
import functools
import logging
import os
import threading

logger = logging.getLogger(__name__)


def _evil(x):
    threading.Thread(target=print).start()
    return x


class M(type):
    @property
    def x(cls):
        return _evil(1)


class C(metaclass=M):
    pass


class D(C):
    pass


class Plain:
    x = 1


class _O:
    def __str__(self):
        return _evil("s")

    def __len__(self):
        return _evil(1)

    def __bool__(self):
        return _evil(True)

    def __eq__(self, other):
        return _evil(False)

    def __hash__(self):
        return _evil(1)

    def __lt__(self, other):
        return _evil(False)

    def __contains__(self, item):
        return _evil(False)

    def __add__(self, other):
        return _evil(1)

    def __getitem__(self, key):
        return _evil(1)

    def __iter__(self):
        return iter(_evil([]))

    def __getattr__(self, name):  # only for attributes that are missing: getattr(_OBJ, "x", 1), hasattr(_OBJ, "y")
        return _evil(1)

    def keys(self):
        return _evil([])


_OBJ = _O()
_OBJ.state = "idle"


@functools.lru_cache
def is_hb(key):
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


def start_str():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return str(_OBJ)
    threading.Thread(target=print).start()


def start_len():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return len(_OBJ)
    threading.Thread(target=print).start()


def start_bool():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return bool(_OBJ)
    threading.Thread(target=print).start()


def start_hash():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return hash(_OBJ)
    threading.Thread(target=print).start()


def start_sorted():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return sorted([_OBJ, _OBJ])
    threading.Thread(target=print).start()


def start_percent():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return "%s" % (_OBJ,)
    threading.Thread(target=print).start()


def start_str_format():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return "{}".format(_OBJ)
    threading.Thread(target=print).start()


def start_fstring():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return f"state: {_OBJ}"
    threading.Thread(target=print).start()


def start_getattr():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return getattr(_OBJ, "x", 1)
    threading.Thread(target=print).start()


def start_hasattr():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return hasattr(_OBJ, "y")
    threading.Thread(target=print).start()


def start_compare():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return _OBJ == 1
    threading.Thread(target=print).start()


def start_contains():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return 1 in _OBJ
    threading.Thread(target=print).start()


def start_add():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return _OBJ + 1
    threading.Thread(target=print).start()


def start_subscript():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return _OBJ[0]
    threading.Thread(target=print).start()


def start_iterate():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return [x for x in _OBJ]
    threading.Thread(target=print).start()


def start_truth_in_condition():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        if _OBJ:
            return 1
        return
    threading.Thread(target=print).start()


def start_dict_key():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return {_OBJ: 1}
    threading.Thread(target=print).start()


def start_set_element():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return {_OBJ}
    threading.Thread(target=print).start()


def start_log_argument():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.warning("%s", _OBJ)
        return
    threading.Thread(target=print).start()


def start_method():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return _OBJ.keys()
    threading.Thread(target=print).start()


def start_joined_untrusted(flag):
    # The two paths disagree on `value`: the join must stay untrusted, not become an ordinary unknown.
    value = _OBJ if flag else 1
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return bool(value)
    threading.Thread(target=print).start()


def start_metaclass_property():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return C.x
    threading.Thread(target=print).start()


def start_metaclass_inherited():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return D.x
    threading.Thread(target=print).start()


def start_generator_lazy_if():
    # The `if` of a returned generator runs when whoever receives it iterates it.
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return (x for x in [1] if _evil(x))
    threading.Thread(target=print).start()


def start_lru_cache_key():
    if is_hb(_OBJ):
        return
    threading.Thread(target=print).start()


def start_plain_attribute_load():
    # The documented assumption: a plain attribute load runs no project code (here `state` exists, so even
    # __getattr__ does not run).
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return _OBJ.state
    threading.Thread(target=print).start()


def start_identity():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return _OBJ is None
    threading.Thread(target=print).start()


def start_return_object():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return (_OBJ, 1)
    threading.Thread(target=print).start()


def start_known_values():
    name = os.environ.get("FEED_NAME", "")
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        logger.info("skipping %s (%d chars) %s", name, len(name), f"{name!r}")
        return sorted([name, "a"]) + [name in {"x", "y"}, hash(name), str(len(name)), {name: 1}]
    threading.Thread(target=print).start()


def start_plain_class_attribute():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return Plain.x
    threading.Thread(target=print).start()


def start_lru_cache_literal():
    if is_hb("feed"):
        return
    threading.Thread(target=print).start()


def start_joined_loop_untrusted():
    # The loop binds `value` to the untrusted object; after the loop it may be that object.
    value = 1
    while os.environ.get("KEEP") == "1":
        value = _OBJ
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return bool(value)
    threading.Thread(target=print).start()


def start_loop_known():
    value = 1
    while os.environ.get("KEEP") == "1":
        value = 2
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return bool(value)
    threading.Thread(target=print).start()
