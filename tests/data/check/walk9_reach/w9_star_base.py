from w9_star_base_impl import *  # noqa: F401,F403


class Settings(EnvDefaults):  # noqa: F405
    pass
