# Hostile review 19, H3: code before the guard that Python always raises in, so that the legacy body never runs.
# Lists are unhashable, shifts and powers are computed, unpacking checks its arity; and the list-shaped values
# these need must not disturb correct guards that test the mode against a list.
# expect: UnhashableKey.start TG006 unhashable dict key
# expect: UnhashableElement.start TG006 unhashable set element
# expect: HashList.start TG006 hash([1])
# expect: InSet.start TG006 unhashable type: 'list'
# expect: NegativeShift.start TG006 ValueError
# expect: ZeroPower.start TG006 ZeroDivisionError
# expect: FloatOverflow.start TG006 OverflowError
# expect: Unpack.start TG006 unpacks 3 values into 2 targets
# expect: UnpackText.start TG006 unpacks 3 values into 2 targets
# expect: UnpackStarred.start TG006 unpacks 1 value into 3 targets
# expect: ListPlusTuple.start TG006 TypeError
# expect: LoadsInList.start TG002 self._load()
# expect: ListInList.start ok
# expect: ModeInList.start ok
# expect: ListFormatted.start ok
# expect: ListExtended.start ok
# expect: GoodArithmetic.start ok
# expect: GoodUnpack.start ok
import os
import threading


def _mode_is_heartbeat():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


class UnhashableKey:
    def start(self):
        limits = {["feed"]: 2}
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print, args=(limits,)).start()


class UnhashableElement:
    def start(self):
        seen = {[1], [2]}
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print, args=(seen,)).start()


class HashList:
    def start(self):
        key = hash([1])
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print, args=(key,)).start()


class InSet:
    CODES = ["EU"]

    def start(self):
        known = self.CODES in {"EU", "US"}
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print, args=(known,)).start()


class NegativeShift:
    def start(self):
        mask = 1 << -1
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print, args=(mask,)).start()


class ZeroPower:
    def start(self):
        ratio = 0 ** -1
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print, args=(ratio,)).start()


class FloatOverflow:
    def start(self):
        scale = 10.0 ** 400
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print, args=(scale,)).start()


class Unpack:
    def start(self):
        host, port = ("db", 5432, "extra")
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print, args=(host, port)).start()


class UnpackText:
    def start(self):
        first, second = "abc"
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print, args=(first, second)).start()


class UnpackStarred:
    def start(self):
        head, *middle, tail = ["only"]
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print, args=(head, middle, tail)).start()


class ListPlusTuple:
    def start(self):
        codes = ["EU"] + ("US",)
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print, args=(codes,)).start()


class LoadsInList:
    def _load(self):
        threading.Thread(target=print).start()
        return "EU"

    def start(self):
        codes = [self._load()]
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print, args=(codes,)).start()


class ListInList:
    def start(self):
        nested = [1] in [[1], [2]]
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print, args=(nested,)).start()


class ModeInList:
    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode in ["heartbeat"]:
            return
        threading.Thread(target=print).start()


class ListFormatted:
    def start(self):
        label = f"{['EU', 'US']}" + "%s" % ["EU"] + str([1, 2])
        if label != "['EU', 'US']['EU'][1, 2]":
            raise RuntimeError(label)
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print, args=(label,)).start()


class ListExtended:
    def start(self):
        codes = ["EU"]
        codes += ("US",)
        codes *= 2
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print, args=(codes,)).start()


class GoodArithmetic:
    def start(self):
        mask = (1 << 4) ^ 3 | 2 ** 10 >> 1
        scale = 2 ** -1 + 10 ** 400 % 7
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print, args=(mask, scale)).start()


class GoodUnpack:
    def start(self):
        host, port = ["db", 5432]
        first, *rest = "ab"
        a, b, *c = (1, 2)
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print, args=(host, port, first, rest, a, b, c)).start()
