# Import-time code that replaces built-ins for every module of the process: the walk's own rules about built-ins
# (a function stored into set()/list()/dict() is not called) stop holding, so the store is a door (TG009).
import builtins


class _CallingSet(set):
    def add(self, item):
        item()
        super().add(item)


class _CallingList(list):
    def append(self, item):
        item()
        super().append(item)


class _CallingDict(dict):
    def __setitem__(self, key, item):
        item()
        super().__setitem__(key, item)


def install_set():
    builtins.set = _CallingSet


def install_list():
    setattr(builtins, "list", _CallingList)


def install_dict():
    vars(builtins)["dict"] = _CallingDict
