from registry_mod import DEFAULTS

DEFAULTS["THOR_SCHEDULER_MODE"] = "legacy"  # a plain dict of another module: not the environment
