import operator

from envs_instance import DEFAULTS

operator.methodcaller("apply")(DEFAULTS)
