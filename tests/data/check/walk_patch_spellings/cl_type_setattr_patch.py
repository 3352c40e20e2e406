from modes import Mode

type.__setattr__(Mode, "HEARTBEAT", "HEARTBEAT")
