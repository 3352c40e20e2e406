# Guards in try / with suppress / match, through bool()/str(), an os.environ alias, `in os.environ`,
# `not os.environ`, a concatenated name and a class attribute holding the name.
# expect: Feed.start_try ok
# expect: Feed.start_try_inside ok
# expect: Feed.start_suppress ok
# expect: Feed.start_match ok
# expect: Feed.start_bool_str ok
# expect: Feed.start_alias ok
# expect: Feed.start_in_environ ok
# expect: Feed.start_not_environ ok
# expect: Feed.start_concatenated ok
# expect: Feed.start_class_attribute ok
# expect: Feed.start_with_lock TG009 the context manager 'self._lock'
import contextlib
import os
import threading


class Feed:
    VARIABLE = "THOR_SCHEDULER_MODE"

    def start_try(self):
        try:
            mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        except Exception:
            mode = "heartbeat"
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_try_inside(self):
        try:
            if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
                return
        except KeyError:
            pass
        threading.Thread(target=print).start()

    def start_suppress(self):
        with contextlib.suppress(KeyError):
            if os.environ["THOR_SCHEDULER_MODE"].lower() != "heartbeat":
                threading.Thread(target=print).start()
                return
        return

    def start_match(self):
        match os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower():
            case "heartbeat":
                return
            case _:
                pass
        threading.Thread(target=print).start()

    def start_bool_str(self):
        if bool(str(os.environ.get("THOR_SCHEDULER_MODE", "heartbeat")).lower() == "heartbeat"):
            return
        threading.Thread(target=print).start()

    def start_alias(self):
        env = os.environ
        if env.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_in_environ(self):
        if "THOR_SCHEDULER_MODE" not in os.environ or os.environ["THOR_SCHEDULER_MODE"].lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_not_environ(self):
        if not os.environ or os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_concatenated(self):
        if os.environ.get("THOR_" + "SCHEDULER" "_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_class_attribute(self):
        if os.getenv(self.VARIABLE, "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_with_lock(self):
        with self._lock:
            if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
                return
        threading.Thread(target=print).start()
