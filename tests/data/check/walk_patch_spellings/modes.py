class Mode:
    VARIABLE = "THOR_SCHEDULER_MODE"
    HEARTBEAT = "heartbeat"
