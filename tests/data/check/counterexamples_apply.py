# Counterexamples reported by apply (FROM-APPLY 4, 5, 6, 8).
# expect: start_fstring TG001 go()
# expect: start_del_os TG001
# expect: start_locals TG001
# expect: Overlay.start TG001
# expect: Base.start ok
# expect: Base.start_label ok
# expect: Base.start_factory ok
import logging
import os
import threading

logger = logging.getLogger(__name__)
HOME = os.environ.get("HOME", "")
del os


def go():
    threading.Thread(target=print).start()


def start_fstring():
    f"{go()}"
    return


def start_del_os():
    threading.Thread(target=print, name=HOME).start()


def start_locals():
    for name, value in sorted(locals().items()):
        print(name, value)
    threading.Thread(target=print).start()


class Overlay:
    def start(self, colour="red"):
        for name, value in vars().items():
            setattr(self, name, value)
        threading.Thread(target=print).start()


class Base:
    def start(self):
        raise NotImplementedError

    @property
    def start_label(self):
        return f"{self.name}-x"

    def start_factory(self):
        class Made:
            pass
        return Made
