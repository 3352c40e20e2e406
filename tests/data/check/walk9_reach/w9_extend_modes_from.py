from w9_consts import HEARTBEAT_MODES

HEARTBEAT_MODES.extend(["legacy"])
