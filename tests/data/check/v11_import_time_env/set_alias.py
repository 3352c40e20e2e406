from envmod import ENV

ENV["THOR_SCHEDULER_MODE"] = "legacy"
