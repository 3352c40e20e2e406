import types

os = types.SimpleNamespace(environ={"THOR_SCHEDULER_MODE": "legacy"})
HEARTBEAT = "heartbeat"
