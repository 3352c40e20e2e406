from envs import make_defaults

defaults = make_defaults()
defaults.apply()
