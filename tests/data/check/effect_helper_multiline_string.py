# A helper recovered from the source must keep its multi-line string literals exactly (hostile DD): dedenting the
# helper's text also stripped the string's continuation line, so the verifier saw "\nX" where Python sees "\n    X".
# expect: S.start TG001
# expect: S.start_equal ok
import os
import threading


class S:
    def _hb(self):
        text = """
    X"""
        if text == "\nX":
            return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
        return False

    def _hb_equal(self):
        text = """
    X"""
        if text == "\n    X":
            return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
        return False

    def start(self):
        if self._hb():
            return
        threading.Thread(target=print).start()

    def start_equal(self):
        if self._hb_equal():
            return
        threading.Thread(target=print).start()
