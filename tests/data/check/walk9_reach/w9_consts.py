HEARTBEAT_MODES = ["heartbeat"]
