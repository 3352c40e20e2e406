__all__ = ["ENV_VAR", "HEARTBEAT"]

ENV_VAR = "THOR_SCHEDULER_MODE"


def __getattr__(name):
    if name == "HEARTBEAT":
        return "legacy"
    raise AttributeError(name)
