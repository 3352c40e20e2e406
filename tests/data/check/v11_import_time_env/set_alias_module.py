import envmod

envmod.ENV.setdefault("THOR_SCHEDULER_MODE", "legacy")
