"""The project's process-naming helpers, named like the standard library's module: every log record calls
sys.modules["multiprocessing"].current_process() (hostile review 16)."""
import threading


def current_process():
    threading.Thread(target=print).start()
    return _Process()


class _Process:
    name = "feed-worker"
