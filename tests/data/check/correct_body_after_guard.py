# The real project's final state: a canonical guard followed by ordinary body logic.
# expect: Supervisor.on_open ok
# expect: WSGIServer.handle_error ok
import os
import threading


class Supervisor:
    def on_open(self, market):
        mode = os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        if not self._enabled(market):
            return
        threading.Thread(target=print, args=(market,)).start()


def is_broken_pipe_error():
    exc_type, _, _ = sys.exc_info()
    return issubclass(exc_type, BrokenPipeError)


class WSGIServer:
    # FROM-APPLY 3: what follows the guard is the body, whatever it calls (here even a missing import).
    def handle_error(self, request, client_address):
        scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if scheduler_mode == "heartbeat":
            return
        if is_broken_pipe_error():
            print("- Broken pipe from %s", client_address)
        else:
            super().handle_error(request, client_address)
