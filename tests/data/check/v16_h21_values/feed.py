# Hostile review 21: values the verifier computed differently from Python, so an `if` or an `except` before the
# guard went the other way; bound methods formatted inside containers; a dict of lists wrongly refused.
# expect: IsTuple.start TG002 threading.Thread(target=print)
# expect: IsInt.start TG002 threading.Thread(target=print)
# expect: IsNone.start ok
# expect: EnvItem.start TG002 threading.Thread(target=print)
# expect: StartsList.start TG002 threading.Thread(target=print)
# expect: StarInt.start TG002 threading.Thread(target=print)
# expect: MethodInTuple.start TG002 self.helper
# expect: MethodInDict.start TG002 self.helper
# expect: DictOfLists.start ok
# expect: SplitKnown.start ok
# expect: SplitArity.start TG006 unpacks 3 values into 2 targets
import os
import threading


def _hb():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


class IsTuple:
    def start(self):
        a = (1, 2)
        b = (1, 2)
        if a is b:  # CPython merges the equal constants: True
            threading.Thread(target=print).start()
        if _hb():
            return
        threading.Thread(target=print).start()


class IsInt:
    def start(self):
        a = 1000
        b = 1000
        if a is b:
            threading.Thread(target=print).start()
        if _hb():
            return
        threading.Thread(target=print).start()


class IsNone:
    def start(self):
        a = None
        if a is not None:
            threading.Thread(target=print).start()
        if _hb():
            return
        threading.Thread(target=print).start()


class EnvItem:
    def start(self):
        try:
            os.environ["FEED_TOKEN_NOT_SET_IN_TESTS"]
        except KeyError:
            threading.Thread(target=print).start()
        if _hb():
            return
        threading.Thread(target=print).start()


class StartsList:
    def start(self):
        try:
            "abc".startswith(["a"])
        except TypeError:
            threading.Thread(target=print).start()
        if _hb():
            return
        threading.Thread(target=print).start()


class StarInt:
    def start(self):
        try:
            codes = [*"ab", *1]
        except TypeError:
            threading.Thread(target=print).start()
            codes = []
        if _hb():
            return
        threading.Thread(target=print, args=(codes,)).start()


class MethodInTuple:
    def __repr__(self):
        threading.Thread(target=print).start()
        return "MethodInTuple()"

    def helper(self):
        return 1

    def start(self):
        label = "%s" % (self.helper,)
        if _hb():
            return
        threading.Thread(target=print, args=(label,)).start()


class MethodInDict:
    def __repr__(self):
        threading.Thread(target=print).start()
        return "MethodInDict()"

    def helper(self):
        return 1

    def start(self):
        label = str({"k": self.helper})
        if _hb():
            return
        threading.Thread(target=print, args=(label,)).start()


class DictOfLists:
    def start(self):
        limits = {"feed": [1, 2]}
        if _hb():
            return
        threading.Thread(target=print, args=(limits,)).start()


class SplitKnown:
    def start(self):
        host, port = "db:5432".split(":")
        if port != "5432":
            raise RuntimeError(port)
        if _hb():
            return
        threading.Thread(target=print, args=(host,)).start()


class SplitArity:
    def start(self):
        host, port = "db:5432:x".split(":")
        if _hb():
            return
        threading.Thread(target=print, args=(host, port)).start()
