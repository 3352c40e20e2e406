# The mapping protocol calls ordinary methods, not dunders: dict(x), {**x}, f(**x) and "...".format(**x) call
# x.keys(); a mapping pattern in `match` calls subject.get() (hostile review 6, R6-5/R6-6). On a value not proven
# built in these run project code; on literals, module dict constants and the function's own **kwargs they do not.
# expect: Feed.start_dict_call TG002 dict(self.options)
# expect: Feed.start_dict_display TG002 **self.options
# expect: Feed.start_call_kwargs TG002 **self.options
# expect: Feed.start_format_kwargs TG002 **_OPTIONS
# expect: Feed.start_mapping_pattern TG002 {"disabled": True}
# expect: Feed.start_nested_mapping_pattern TG002 [{"disabled": True}]
# expect: Feed.start_builtin_mappings ok
# expect: Feed.start_own_kwargs ok
import os
import threading
from collections.abc import Mapping

def _run():
    pass


def _label(**parts):
    return "feed"


class Options(Mapping):
    def keys(self):
        threading.Thread(target=_run).start()
        return ["name"]

    def get(self, key, default=None):
        threading.Thread(target=_run).start()
        return default

    def __getitem__(self, key):
        return "feed"

    def __iter__(self):
        return iter(["name"])

    def __len__(self):
        return 1


_OPTIONS = Options()


class Feed:
    def __init__(self):
        self.options = Options()

    def start_dict_call(self):
        opts = dict(self.options)
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_dict_display(self):
        opts = {**self.options}
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_call_kwargs(self):
        label = _label(**self.options)
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_format_kwargs(self):
        label = "{name}".format(**_OPTIONS)
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_mapping_pattern(self):
        match self.options:
            case {"disabled": True}:
                return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_nested_mapping_pattern(self):
        match [self.options]:
            case [{"disabled": True}]:
                return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_builtin_mappings(self):
        a = dict({"name": "feed"})
        b = {**{"name": "feed"}, "x": 1}
        c = "{name}".format(**{"name": "feed"})
        match {"disabled": False}:
            case {"disabled": True}:
                return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_own_kwargs(self, **kwargs):
        a = dict(kwargs)
        b = {**kwargs}
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()
