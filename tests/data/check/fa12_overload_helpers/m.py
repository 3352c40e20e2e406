# Review 9, FA9-8: a guard helper with `typing.overload` stubs and an implementation is the implementation (the stubs
# are proven as for an entry point: typing's overload, every binding a def, the implementation last).
# expect: start_typing ok
# expect: start_from ok
# expect: start_alias ok
# expect: start_fake TG009 rebound
# expect: start_stub_last TG009 rebound
# expect: Feed.start ok
import threading
import typing

from modes import hb_alias, hb_fake, hb_from, hb_stub_last, is_hb


def start_typing():
    if is_hb():
        return
    threading.Thread(target=print).start()


def start_from():
    if hb_from():
        return
    threading.Thread(target=print).start()


def start_alias():
    if hb_alias():
        return
    threading.Thread(target=print).start()


def start_fake():
    if hb_fake():
        return
    threading.Thread(target=print).start()


def start_stub_last():
    if hb_stub_last():
        return
    threading.Thread(target=print).start()


class Feed:
    @typing.overload
    def _hb(self, default: None = None) -> bool: ...
    @typing.overload
    def _hb(self, default: str) -> bool: ...
    def _hb(self, default=None):
        return is_hb()

    def start(self):
        if self._hb():
            return
        threading.Thread(target=print).start()
