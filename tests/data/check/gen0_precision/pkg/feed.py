# GEN-0 precision cases (really guarded; v1 rejected them) and the attribute-store hole.
# expect: Feed.start_upper ok
# expect: Feed.start_environ_alias ok
# expect: Feed.start_feature_flag ok
# expect: Feed.start_util_mode_or_reloader ok
import os
import threading

from pkg import util

ENVIRON = os.environ


class Feed:
    def start_upper(self):
        upper = self.name.upper()
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, args=(upper,)).start()

    def start_environ_alias(self):
        if ENVIRON.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_feature_flag(self):
        if os.getenv("FEATURE_WORKERS") == "0":
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_util_mode_or_reloader(self):
        if util.MODE == "heartbeat" or os.environ.get("RUN_MAIN") != "true":
            return
        threading.Thread(target=print).start()
