import w9_consts

w9_consts.HEARTBEAT_MODES.append("legacy")
