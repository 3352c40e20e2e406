import operator

from envs import EnvDefaults

defaults = EnvDefaults({"THOR_SCHEDULER_MODE": "legacy"})
operator.methodcaller("apply")(defaults)
