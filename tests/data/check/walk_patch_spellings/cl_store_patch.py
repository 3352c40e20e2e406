from modes import Mode

Mode.HEARTBEAT = "HEARTBEAT"
