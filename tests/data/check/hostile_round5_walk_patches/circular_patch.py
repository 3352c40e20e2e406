import start_circular


class _FakeOs:
    environ = {"THOR_SCHEDULER_MODE": "legacy"}


start_circular.os = _FakeOs()
