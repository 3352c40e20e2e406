import modes

for _k in ("HEARTBEAT",):
    setattr(modes.Mode, _k, "HEARTBEAT")
