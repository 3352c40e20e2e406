# Defaults, annotations and decorators of a nested def, and class bases/decorators, run when defined.
# expect: Feed.start_default TG002 self._load()
# expect: Feed.start_annotation TG002 self._kind()
# expect: Feed.start_decorator TG002 self._wrap
# expect: Feed.start_base TG002 self._base()
# expect: Feed.start_class_decorator TG002 self._register
# expect: Feed.start_plain_nested ok
import os
import threading


class Feed:
    def start_default(self):
        def callback(value=self._load()):
            return value

        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=callback).start()

    def start_annotation(self):
        def callback(value: self._kind()) -> None:
            return None

        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=callback).start()

    def start_decorator(self):
        @self._wrap
        def callback():
            return None

        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=callback).start()

    def start_base(self):
        class Handler(self._base()):
            pass

        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=Handler).start()

    def start_class_decorator(self):
        @self._register
        class Handler:
            pass

        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=Handler).start()

    def start_plain_nested(self):
        def callback(value=1, *, label: str = "x") -> None:
            return None

        class Handler:
            retries = 3

        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=callback, args=(Handler,)).start()
