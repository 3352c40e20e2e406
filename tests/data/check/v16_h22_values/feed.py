# Hostile review 22: a list changed in place through another name, `is` on a NaN, and `%` with a list operand.
# expect: Alias.start TG002 threading.Thread(target=print)
# expect: AliasInTuple.start TG002 threading.Thread(target=print)
# expect: SetAlias.start TG002 threading.Thread(target=print)
# expect: NanIs.start TG002 threading.Thread(target=print)
# expect: PercentList.start TG002 threading.Thread(target=print)
# expect: OwnList.start ok
# expect: PercentListFormatted.start ok
import os
import threading


def _hb():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


class Alias:
    def start(self):
        a = [1]
        b = a
        a += [2]
        if b != [1]:  # b is a: [1, 2]
            threading.Thread(target=print).start()
        if _hb():
            return
        threading.Thread(target=print).start()


class AliasInTuple:
    def start(self):
        a = [1]
        t = (a, 0)
        a *= 2
        if t[0] != [1]:
            threading.Thread(target=print).start()
        if _hb():
            return
        threading.Thread(target=print).start()


class SetAlias:
    def start(self):
        a = {1}
        b = a
        a |= {2}
        if len(b) == 2:
            threading.Thread(target=print).start()
        if _hb():
            return
        threading.Thread(target=print).start()


class NanIs:
    def start(self):
        x = float("nan")
        if x is x:
            threading.Thread(target=print).start()
        if _hb():
            return
        threading.Thread(target=print).start()


class PercentList:
    def start(self):
        try:
            s = "abc" % [1]  # a list is a mapping to %: no error, "abc"
        except TypeError:
            s = "x"
        if s == "abc":
            threading.Thread(target=print).start()
        if _hb():
            return
        threading.Thread(target=print).start()


class OwnList:
    def start(self):
        a = [1]
        a += [2]
        n = 3
        n += 1
        if n != 4:
            raise RuntimeError(n)
        if _hb():
            return
        threading.Thread(target=print, args=(a,)).start()


class PercentListFormatted:
    def start(self):
        label = "%s" % [1, 2]
        if label != "[1, 2]":
            raise RuntimeError(label)
        if _hb():
            return
        threading.Thread(target=print, args=(label,)).start()
