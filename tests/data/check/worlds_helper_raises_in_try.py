"""A helper whose mode read raises when the variable is unset, called inside ``try``.

Found by the generated oracle (seed 20261130): the read inside a helper that
raised was lost from the caller's trace, so the walk under the unset value
looked as if it never read the mode variable and was reused for every other
value — ``' heartbeat'`` (legacy world) then seemed to run the body.
"""
# expect: Service.start TG012 'heartbeat '
# expect: Exact.start ok
import os
import threading


def _noop():
    pass


def _hb_padded():
    return os.environ["THOR_SCHEDULER" + "_MODE"].lower().strip() == "heartbeat"


def _hb_exact():
    return os.environ["THOR_SCHEDULER_MODE"].lower() == "heartbeat"


class Service:
    def start(self):
        try:
            if _hb_padded():
                return
        except KeyError:
            return
        threading.Thread(target=_noop).start()


class Exact:
    def start(self):
        try:
            if _hb_exact():
                return
        except KeyError:
            return
        threading.Thread(target=_noop).start()
