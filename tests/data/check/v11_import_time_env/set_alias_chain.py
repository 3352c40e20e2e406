from envmod2 import ENV, RAW

RAW.update(THOR_SCHEDULER_MODE="legacy")
